/** The public proof-of-reserves page: published roots, and "verify my balance" with the in-browser verifier. */
import './style.css';
import { formatTrimmed } from './lib/decimal';
import { verifyProof } from './lib/por';
import { h } from './ui/dom';

interface Published {
  snapshot: number;
  asset: string;
  journalSeq: number;
  blockHeight: number;
  root: string;
  total: string;
  accounts: number;
  createdAt: string;
}

const DECIMALS: Record<string, number> = { SKY: 6, BTC: 8 };

/** An element with optional text and class (the shared DOM builder). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  return h(tag, cls === undefined ? null : { class: cls }, text);
}

function amount(asset: string, units: string | bigint): string {
  return `${formatTrimmed(BigInt(units), DECIMALS[asset] ?? 0)} ${asset}`;
}

async function verify(p: Published, out: HTMLElement): Promise<void> {
  out.textContent = `Checking your ${p.asset} balance in snapshot ${p.snapshot}…`;
  const response = await fetch(`/api/v1/reserves/proof?asset=${encodeURIComponent(p.asset)}&snapshot=${p.snapshot}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    out.textContent = 'Sign in on the trading page first: your proof is only given to you.';
    return;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    out.textContent = body?.error?.message ?? `The proof could not be fetched (${response.status}).`;
    return;
  }
  const text = await response.text();
  const proof = JSON.parse(text) as { leaf?: { account?: string } };
  const verdict = await verifyProof(proof, {
    asset: p.asset, snapshot: p.snapshot, account: proof.leaf?.account ?? '', publishedRoot: p.root,
    publishedTotal: BigInt(p.total),
  });
  out.replaceChildren();
  if (verdict.ok) {
    out.append(el('strong', 'Included. ', 'ok'), `Your balance of ${amount(p.asset, verdict.value)} is in root `,
      el('code', p.root), ` (total ${amount(p.asset, verdict.total)}), checked in this browser. `);
  } else {
    out.append(el('strong', 'NOT verified: ', 'bad'), `${verdict.error}: ${verdict.message}`);
  }
  const link = el('a', 'Download the proof file');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = `skyx-proof-${p.asset}-${p.snapshot}.json`;
  out.append(el('br'), link, ' (check it offline with `skycoin verify-reserves`).');
}

async function main(): Promise<void> {
  const roots = document.getElementById('roots')!;
  const verdict = document.getElementById('verdict')!;
  const response = await fetch('/api/v1/reserves?limit=20', { headers: { Accept: 'application/json' } });
  const list = response.ok ? ((await response.json()) as { snapshots: Published[] }).snapshots : [];
  if (list.length === 0) {
    roots.textContent = 'No snapshot has been published yet.';
    return;
  }
  const table = el('table', undefined, 'grid');
  const head = el('tr');
  for (const h of ['Snapshot', 'Asset', 'Journal seq', 'Owed to users', 'Accounts', 'Root', 'Taken', '']) {
    head.append(el('th', h));
  }
  table.append(head);
  for (const p of list) {
    const row = el('tr');
    const root = el('code', p.root.slice(0, 16) + '…');
    root.title = p.root;
    const button = el('button', 'Verify my balance', 'link');
    button.type = 'button';
    button.addEventListener('click', () => {
      verify(p, verdict).catch((e: unknown) => {
        verdict.textContent = `Verification failed: ${String(e)}`;
      });
    });
    const cells: (string | HTMLElement)[] = [String(p.snapshot), p.asset, String(p.journalSeq), amount(p.asset, p.total),
      String(p.accounts), root, new Date(p.createdAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC', button];
    for (const c of cells) {
      const td = el('td');
      td.append(c);
      row.append(td);
    }
    table.append(row);
  }
  roots.replaceChildren(table);
}

main().catch((e: unknown) => {
  document.getElementById('roots')!.textContent = `The roots could not be loaded: ${String(e)}`;
});
