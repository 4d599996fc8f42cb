// Bundle-size budget, run by `npm run build`: for each page (every built .html), the gzip size of everything it
// loads (the HTML and the JS and CSS assets it references, module preloads included) must stay under the budget,
// or the build fails. Prints each page with its files and total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.SKYX_BUNDLE_BUDGET_KB ?? 80);
const out = new URL('../target/classes/static/', import.meta.url).pathname;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

const pages = readdirSync(out).filter((f) => f.endsWith('.html')).sort();
if (pages.length === 0) {
  console.error(`size budget: nothing built in ${out}`);
  process.exit(1);
}
let failed = false;
for (const page of pages) {
  const html = readFileSync(join(out, page), 'utf8');
  const assets = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
  let total = gz(join(out, page));
  const parts = [`${page} ${(total / 1024).toFixed(1)}`];
  for (const a of assets) {
    const size = gz(join(out, a));
    total += size;
    parts.push(`${a.replace('assets/', '')} ${(size / 1024).toFixed(1)}`);
  }
  const kb = total / 1024;
  console.log(`size budget: ${page.padEnd(14)} ${kb.toFixed(1).padStart(6)} KB gzip of ${BUDGET_KB} KB (${parts.join(' + ')})`);
  if (kb > BUDGET_KB) {
    console.error(`size budget exceeded: ${page} loads ${kb.toFixed(1)} KB gzip > ${BUDGET_KB} KB (SKYX_BUNDLE_BUDGET_KB)`);
    failed = true;
  }
}
if (failed) process.exit(1);
