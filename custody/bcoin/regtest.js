'use strict';
// Runs bcoin's full node (node_modules/bcoin/bin/node, same arguments) and exits when the process that started it
// is gone, so that a JVM killed with SIGKILL leaves no regtest node behind. SKYX_PARENT_PID names that process.
const parent = Number(process.env.SKYX_PARENT_PID || 0);
if (parent > 0) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch (e) {
      process.exit(0);
    }
  }, 500).unref();
}
process.on('SIGTERM', () => process.exit(0));
require('bcoin/bin/node');
