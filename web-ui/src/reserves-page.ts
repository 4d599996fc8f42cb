/**
 * The public proof-of-reserves page: solvency now, the published snapshots with their signed reserves and on-chain
 * anchor, and "verify my balance" (or a downloaded proof file) with the in-browser verifier.
 */
import './style.css';
import { formatTrimmed } from './lib/decimal';
import { verifyProof } from './lib/por';
import { skyAnchorAddress } from './lib/sky-anchor';
import { h } from './ui/dom';

interface ReserveAddress { address: string; kind: string; balance: string; signature: string }

interface Reserves {
  blockHeight: number; blockHash: string; nonce: string; challenge: string; hot: string; cold: string;
  reserves: string; liabilities: string; pendingWithdrawals: string; withdrawalsMined: string;
  ratioBp?: number | null; ratio?: string | null; solvent: boolean; addresses: ReserveAddress[];
}

/** BTC: the OP_RETURN transaction. SKY: the transaction paying {@code droplets} to {@code address}, derived from the payload. */
interface Anchor {
  chain: string; txid: string; payload: string; confirmations?: number | null; address?: string; droplets?: string;
}

interface Published {
  snapshot: number; asset: string; journalSeq: number; blockHeight: number; root: string; total: string;
  accounts: number; createdAt: string; reserves?: Reserves | null; anchor?: Anchor | null;
  skyAnchor?: Anchor | null;
}

/** Absent fields (the API leaves nulls out): the asset has no wallet, or nothing is owed (ratio). */
interface Solvency {
  asset: string; state: 'SOLVENT' | 'BELOW' | 'ABSENT'; blockHeight?: number; reserves?: string;
  liabilities: string; pendingWithdrawals?: string; withdrawalsMined?: string; ratio?: string;
}

const DECIMALS: Record<string, number> = { SKY: 6, BTC: 8 };

/** An element with optional text and class (the shared DOM builder). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  return h(tag, cls === undefined ? null : { class: cls }, text);
}

function amount(asset: string, units: string | bigint): string {
  return `${formatTrimmed(BigInt(units), DECIMALS[asset] ?? 0)} ${asset}`;
}

function table(headers: string[], rows: (string | HTMLElement)[][]): HTMLTableElement {
  const t = el('table', undefined, 'grid');
  const head = el('tr');
  for (const h of headers) head.append(el('th', h));
  t.append(head);
  for (const cells of rows) {
    const row = el('tr');
    for (const c of cells) {
      const td = el('td');
      td.append(c);
      row.append(td);
    }
    t.append(row);
  }
  return t;
}

function short(hex: string, title = hex): HTMLElement {
  const c = el('code', hex.slice(0, 16) + '…');
  c.title = title;
  return c;
}

/** Whether the anchor's OP_RETURN data ("SKYX" ‖ u64 snapshot ‖ roots) carries this snapshot and root. */
function anchorCarries(a: Anchor, p: Published): boolean {
  const head = '534b5958' + p.snapshot.toString(16).padStart(16, '0');
  const roots = a.payload.slice(head.length);
  if (!a.payload.startsWith(head) || roots.length % 64 !== 0) return false;
  for (let i = 0; i < roots.length; i += 64) if (roots.slice(i, i + 64) === p.root) return true;
  return false;
}

function btcAnchor(p: Published, a: Anchor): HTMLElement {
  const span = el('span');
  const carries = anchorCarries(a, p);
  span.append(short(a.txid, `${a.chain} txid ${a.txid}`),
    el('span', carries ? ' ✓ root in OP_RETURN' : ' ✗ root NOT in the anchor', carries ? 'ok' : 'bad'),
    el('span', ` (${a.confirmations ?? '?'} conf.)`, 'dim'));
  return span;
}

/**
 * The SKY anchor: the payload must carry the root, and the address it pays must be the one recomputed here from
 * the payload; the output itself is on the node's REST API (the link), paying 0.001 SKY to that address.
 */
function skyAnchor(p: Published, a: Anchor): HTMLElement {
  const span = el('span');
  const link = el('a', 'SKY ' + a.txid.slice(0, 12) + '…');
  link.href = `/skycoin/api/v1/transaction?txid=${a.txid}`;
  link.title = `SKY txid ${a.txid}: look for the output to ${a.address ?? '?'}`;
  const check = el('span', ' checking…', 'dim');
  span.append(link, check, el('span', ` (${a.confirmations ?? '?'} conf.)`, 'dim'));
  skyAnchorAddress(a.payload).then((derived) => {
    const ok = anchorCarries(a, p) && derived === a.address;
    check.textContent = ok ? ` ✓ pays ${derived.slice(0, 10)}…, derived from the root`
      : ' ✗ address NOT derived from the root';
    check.className = ok ? 'ok' : 'bad';
    check.title = `address recomputed in this browser: ${derived}`;
  }).catch((e: unknown) => {
    check.textContent = ` ✗ ${String(e)}`;
    check.className = 'bad';
  });
  return span;
}

function anchorCell(p: Published): string | HTMLElement {
  if (p.anchor == null && p.skyAnchor == null) return el('span', 'not anchored', 'dim');
  const cell = el('span');
  if (p.anchor != null) cell.append(btcAnchor(p, p.anchor));
  if (p.anchor != null && p.skyAnchor != null) cell.append(el('br'));
  if (p.skyAnchor != null) cell.append(skyAnchor(p, p.skyAnchor));
  return cell;
}

function showVerdict(out: HTMLElement, p: Published, verdict: Awaited<ReturnType<typeof verifyProof>>): void {
  out.replaceChildren();
  if (verdict.ok) {
    out.append(el('strong', 'Included. ', 'ok'), `Your balance of ${amount(p.asset, verdict.value)} is in root `,
      el('code', p.root), ` (total ${amount(p.asset, verdict.total)}), checked in this browser. `);
    if (p.anchor != null && anchorCarries(p.anchor, p)) {
      out.append('The same root is in the OP_RETURN of ', el('code', p.anchor.txid), ` on ${p.anchor.chain}.`);
    }
  } else {
    out.append(el('strong', 'NOT verified: ', 'bad'), el('span', verdict.error, 'verdict-code'), `: ${verdict.message}`);
  }
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
  showVerdict(out, p, await verifyProof(proof, {
    asset: p.asset, snapshot: p.snapshot, account: proof.leaf?.account ?? '', publishedRoot: p.root,
    publishedTotal: BigInt(p.total),
  }));
  const link = el('a', 'Download the proof file');
  link.id = 'proof-download';
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = `skyx-proof-${p.asset}-${p.snapshot}.json`;
  out.append(el('br'), link, ' (check it offline with `skycoin verify-reserves`).');
}

/** A proof file the user picked: verified against the published root of its own asset and snapshot. */
async function verifyFile(file: File, list: Published[], out: HTMLElement): Promise<void> {
  let proof: { asset?: unknown; snapshot?: unknown; leaf?: { account?: unknown } };
  try {
    proof = JSON.parse(await file.text()) as typeof proof;
  } catch {
    out.replaceChildren(el('strong', 'NOT verified: ', 'bad'), el('span', 'MALFORMED', 'verdict-code'), ': not JSON');
    return;
  }
  const p = list.find((x) => x.asset === proof.asset && x.snapshot === proof.snapshot);
  if (p === undefined) {
    out.textContent = `No published ${String(proof.asset)} snapshot ${String(proof.snapshot)} in the list above.`;
    return;
  }
  const account = typeof proof.leaf?.account === 'string' ? proof.leaf.account : '';
  showVerdict(out, p, await verifyProof(proof, {
    asset: p.asset, snapshot: p.snapshot, account, publishedRoot: p.root, publishedTotal: BigInt(p.total),
  }));
}

function showAddresses(p: Published, out: HTMLElement): void {
  out.className = 'scroll-wide';
  if (p.reserves == null) {
    out.replaceChildren(el('p', `${p.asset}: no wallet reported reserves for snapshot ${p.snapshot} (absent).`, 'dim'));
    return;
  }
  const r = p.reserves;
  const challenge = el('pre', r.challenge);
  challenge.id = 'challenge';
  out.replaceChildren(el('p', `${p.asset} snapshot ${p.snapshot}, block ${r.blockHeight} (${r.blockHash}). `
    + 'Each address signed this challenge (BTC: signed message, BIP-137 header; SKY: recoverable signature):'),
    challenge, table(['Address', 'Kind', 'Balance', 'Signature'], r.addresses.map((a) =>
      [el('code', a.address), a.kind, amount(p.asset, a.balance), short(a.signature)])));
}

function ratioCell(asset: string, r: Reserves | null | undefined): string | HTMLElement {
  if (r == null) return el('span', 'absent', 'dim');
  return el('span', `${amount(asset, r.reserves)} · ${r.ratio ?? '–'} %`, r.solvent ? 'ok' : 'bad');
}

async function showSolvency(out: HTMLElement): Promise<void> {
  const response = await fetch('/api/v1/reserves/status', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    out.textContent = `Solvency could not be loaded (${response.status}).`;
    return;
  }
  const assets = ((await response.json()) as { assets: Solvency[] }).assets;
  const rows = assets.map((s) => {
    const state = el('strong', s.state === 'BELOW' ? 'ALARM: below 100 %' : s.state === 'ABSENT' ? 'no wallet' : 'backed',
      s.state === 'BELOW' ? 'bad' : s.state === 'ABSENT' ? 'dim' : 'ok');
    state.dataset.asset = s.asset;
    state.dataset.state = s.state;
    return [s.asset, state, s.reserves == null ? '–' : amount(s.asset, s.reserves), amount(s.asset, s.liabilities),
      s.pendingWithdrawals == null ? '–' : amount(s.asset, s.pendingWithdrawals), s.ratio == null ? '–' : `${s.ratio} %`,
      s.blockHeight == null ? '–' : String(s.blockHeight)];
  });
  out.replaceChildren(table(['Asset', 'State', 'Reserves', 'Owed to users', 'Pending withdrawals', 'Ratio', 'Block'],
    rows));
}

async function main(): Promise<void> {
  const roots = document.getElementById('roots')!;
  const verdict = document.getElementById('verdict')!;
  const addresses = document.getElementById('addresses')!;
  const solvency = document.getElementById('solvency')!;
  showSolvency(solvency).catch((e: unknown) => {
    solvency.textContent = `Solvency could not be loaded: ${String(e)}`;
  });
  const response = await fetch('/api/v1/reserves?limit=20', { headers: { Accept: 'application/json' } });
  const list = response.ok ? ((await response.json()) as { snapshots: Published[] }).snapshots : [];
  const file = document.getElementById('proof-file') as HTMLInputElement;
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f !== undefined) {
      verifyFile(f, list, verdict).catch((e: unknown) => {
        verdict.textContent = `Verification failed: ${String(e)}`;
      });
    }
  });
  if (list.length === 0) {
    roots.textContent = 'No snapshot has been published yet.';
    return;
  }
  const rows = list.map((p) => {
    const button = el('button', 'Verify my balance', 'link');
    button.type = 'button';
    button.dataset.snapshot = String(p.snapshot);
    button.dataset.asset = p.asset;
    button.addEventListener('click', () => {
      showAddresses(p, addresses);
      verify(p, verdict).catch((e: unknown) => {
        verdict.textContent = `Verification failed: ${String(e)}`;
      });
    });
    return [String(p.snapshot), p.asset, String(p.journalSeq), p.reserves == null ? '–' : String(p.blockHeight),
      amount(p.asset, p.total), ratioCell(p.asset, p.reserves), String(p.accounts), short(p.root), anchorCell(p),
      new Date(p.createdAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC', button];
  });
  roots.replaceChildren(table(['Snapshot', 'Asset', 'Journal seq', 'Block', 'Owed to users', 'Reserves · ratio',
    'Accounts', 'Root', 'Anchor', 'Taken', ''], rows));
}

main().catch((e: unknown) => {
  document.getElementById('roots')!.textContent = `The roots could not be loaded: ${String(e)}`;
});
