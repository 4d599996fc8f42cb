// Browser end-to-end test of the proof-of-reserves page: a user signs up, takes test funds, a snapshot is taken,
// and on /reserves.html the user verifies their SKY balance in the browser and downloads the proof file; the same
// file with one value changed is then picked in "Check a proof file" and must be refused. The page's verdicts and
// the files are written to <outDir>/reserves-result.json for BrowserTradeIT, which runs `skycoin verify-reserves`
// on the same files and compares.
// Usage: node web-ui/e2e/reserves.mjs <baseUrl> <outDir>   (exit code 0 = pass; output explains failures)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiUser, assertNoProblems, expectText, launch, log, openUser, shot, signUp, testFunds, text, waitFor } from './lib.mjs';

const base = process.argv[2];
const outDir = process.argv[3];
if (!base || !/^https?:\/\//.test(base) || !outDir) {
  console.error('usage: node reserves.mjs <baseUrl> <outDir>');
  process.exit(2);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const users = [];
  try {
    const alice = await openUser(browser, base, 'alice');
    users.push(alice);
    const { page } = alice;
    await signUp(alice, `por-${Date.now()}@example.com`);
    await testFunds(alice);
    await expectText(page, 'alice', '[data-testid="bal-SKY-free"]', '1000.000000');
    // two more funded users, so alice's proof has a path to walk (leaves are sorted by hash, padded to 4)
    for (const who of ['bob', 'carol']) {
      const u = await apiUser(base, `por-${who}-${Date.now()}@example.com`);
      await u.dispose();
    }

    // an operator's "snapshot now" (any session may in the local profile), through the same session and CSRF
    const csrf = (await (await page.request.get(base + '/api/v1/auth/csrf')).json()).token;
    const taken = await page.request.post(base + '/api/v1/admin/reserves/snapshots', { headers: { 'X-XSRF-TOKEN': csrf } });
    if (!taken.ok()) throw new Error(`snapshot: HTTP ${taken.status()} ${await taken.text()}`);
    const snapshot = (await taken.json())[0].snapshot;
    log(`alice: snapshot ${snapshot} taken`);

    await page.goto(base + '/reserves.html', { waitUntil: 'domcontentloaded' });
    await waitFor('the solvency table', async () => (await page.locator('#solvency [data-asset="SKY"]').count()) === 1);
    const skyState = await page.locator('#solvency [data-asset="SKY"]').getAttribute('data-state');
    if (skyState !== 'ABSENT') throw new Error(`SKY has no wallet in this test, expected ABSENT, saw ${skyState}`);
    const button = page.locator(`button[data-asset="SKY"][data-snapshot="${snapshot}"]`);
    await button.click();
    await waitFor('the browser verdict', async () => (await text(page, '#verdict strong')) === 'Included.' ? true
      : await text(page, '#verdict'));
    const verdictText = await text(page, '#verdict');
    log(`alice: ${verdictText}`);
    const row = await page.evaluate(async (n) => {
      const r = await fetch('/api/v1/reserves?limit=5');
      return (await r.json()).snapshots.find((s) => s.snapshot === n && s.asset === 'SKY');
    }, snapshot);
    if (!verdictText.includes(row.root)) throw new Error(`the verdict does not name the published root ${row.root}`);
    if (!verdictText.includes('1000 SKY')) throw new Error('the verdict does not show the 1000 SKY balance');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#proof-download').click()]);
    const proofPath = join(outDir, 'reserves-proof.json');
    await download.saveAs(proofPath);
    const proof = JSON.parse(readFileSync(proofPath, 'utf8'));
    log(`alice: downloaded ${download.suggestedFilename()} (${proof.path.length} levels)`);
    if (proof.path.length < 2) throw new Error(`expected a path of at least 2 levels, got ${proof.path.length}`);

    // the same file with the leaf's value raised by one droplet: the browser must refuse it
    const tampered = structuredClone(proof);
    tampered.leaf.value = (BigInt(tampered.leaf.value) + 1n).toString();
    const tamperedPath = join(outDir, 'reserves-proof-tampered.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered));
    await page.locator('#proof-file').setInputFiles(tamperedPath);
    await waitFor('the tampered verdict', async () => (await text(page, '#verdict strong')) === 'NOT verified:' ? true
      : await text(page, '#verdict'));
    const tamperedCode = await text(page, '#verdict .verdict-code');
    log(`alice: tampered file refused in the browser: ${tamperedCode}`);

    // the untampered file, picked the same way, verifies again
    await page.locator('#proof-file').setInputFiles(proofPath);
    await waitFor('the file verdict', async () => (await text(page, '#verdict strong')) === 'Included.' ? true
      : await text(page, '#verdict'));

    writeFileSync(join(outDir, 'reserves-result.json'), JSON.stringify({
      proof: proofPath, tampered: tamperedPath, asset: 'SKY', snapshot, root: row.root, total: row.total,
      account: proof.leaf.account, value: proof.leaf.value, browser: 'OK', browserTampered: tamperedCode,
    }));
    assertNoProblems(alice, 'console errors/warnings and failed requests');
    await shot(users, outDir, 'reserves-pass');
    log('PASS: proof verified in the browser, tampered file refused');
  } catch (e) {
    console.error(`FAIL: ${e.message}`);
    for (const u of users) {
      const panels = await u.page.evaluate(() => ['solvency', 'roots', 'verdict', 'addresses']
        .map((id) => `${id}: ${(document.getElementById(id)?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 400)}`)
        .join('\n')).catch(() => 'page not readable');
      console.error(`--- ${u.who}'s page ---\n${panels}`);
    }
    await shot(users, outDir, 'reserves-fail').catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
