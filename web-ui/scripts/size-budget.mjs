// Bundle-size budget, run by `npm run build`: the gzip size of everything the page loads (index.html, the JS and
// CSS assets) must stay under the budget, or the build fails. Prints each file and the total.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.SKYX_BUNDLE_BUDGET_KB ?? 80);
const out = new URL('../target/classes/static/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const shipped = files(out).filter((f) => /\.(js|css|html)$/.test(f));
if (shipped.length === 0) {
  console.error(`size budget: nothing built in ${out}`);
  process.exit(1);
}
let total = 0;
for (const f of shipped) {
  const gz = gzipSync(readFileSync(f), { level: 9 }).length;
  total += gz;
  console.log(`size budget: ${relative(out, f).padEnd(40)} ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`);
}
const kb = total / 1024;
console.log(`size budget: total ${kb.toFixed(1)} KB gzip of ${BUDGET_KB} KB`);
if (kb > BUDGET_KB) {
  console.error(`size budget exceeded: ${kb.toFixed(1)} KB gzip > ${BUDGET_KB} KB (SKYX_BUNDLE_BUDGET_KB)`);
  process.exit(1);
}
