/**
 * The Relays page: by relay key, its reports, claims, receipts (bytes, reasons, payout) and payouts, and the
 * records refused with their reason; for operators, the settlement runs.
 */
import '../style.css';
import { accountApi, ApiError, type ReceiptDto, type RelayActivityDto } from '../api';
import { formatTrimmed } from '../lib/decimal';
import { epochDay, formatBytes, isRelayKey } from '../lib/relays';
import { byId, h, table } from '../ui/dom';
import { errorText, FormErrors, renderWho, short, signedInUser, when } from './common';

const errors = new FormErrors('relay', ['key'] as const);

function section(title: string, id: string, body: Node): HTMLElement {
  return h('div', { class: 'subsection', id }, h('h3', null, title), body);
}

function emptyOr(rows: readonly unknown[], text: string, make: () => HTMLElement): HTMLElement {
  return rows.length === 0 ? h('p', { class: 'empty' }, text) : make();
}

function receiptsTable(receipts: readonly ReceiptDto[]): HTMLElement {
  return emptyOr(receipts, 'No settled epoch yet.', () => table(['Day', 'Bytes credited', 'Payout', 'Method', 'Reasons', 'Transports'],
    receipts.map((r) => [epochDay(r.epoch), formatBytes(r.bytes), `${formatTrimmed(BigInt(r.payout_droplets), 6)} SKY`,
      r.payout_method, r.reasons.length === 0 ? '—' : r.reasons.join(', '),
      r.transports.map((t) => `${t.type} ${formatBytes(t.credited)}${(t.reason ?? null) === null ? '' : ` (${t.reason})`}`).join('; ')])));
}

function render(a: RelayActivityDto, receipts: readonly ReceiptDto[]): void {
  byId('relay-out').replaceChildren(
    h('p', null, 'Relay ', h('code', { class: 'break', id: 'relay-shown' }, a.relay)),
    section('Receipts and reasons', 'relay-receipts', receiptsTable(receipts)),
    section('Payouts', 'relay-payouts', emptyOr(a.payouts, 'No payouts yet.', () => table(['Day', 'Amount', 'Method', 'State'],
      a.payouts.map((p) => [epochDay(p.epoch), `${p.amount} SKY`, p.method === 'ledger' ? 'SkyX account' : 'on chain',
        (p.result ?? null) === null ? p.state : `${p.state} (${p.result})`])))),
    section('Claims', 'relay-claims', emptyOr(a.claims, 'No claims yet.', () => table(['Day', 'Reward address', 'Reports', 'Received'],
      a.claims.map((c) => [epochDay(c.epoch), short(c.rewardAddress, 8), String(c.reports), when(c.receivedAt)])))),
    section('Usage reports', 'relay-reports', emptyOr(a.reports, 'No reports yet.', () => table(['Day', 'Peer', 'Type', 'Sent', 'Received', 'Seq'],
      a.reports.map((r) => [epochDay(r.epoch), short(r.peer, 6), r.type, formatBytes(r.sent), formatBytes(r.recv), String(r.seq)])))),
    section('Refused records', 'relay-refusals', emptyOr(a.refusals, 'None refused.', () => table(['When', 'Reason', 'Detail', 'Via'],
      a.refusals.map((r) => [when(r.at), r.reason, r.detail, r.source])))));
}

async function show(key: string): Promise<void> {
  const [activity, receipts] = await Promise.all([accountApi.relayActivity(key), accountApi.relayReceipts(key)]);
  render(activity, receipts);
  history.replaceState(null, '', `#${key}`);
}

async function showRuns(): Promise<void> {
  try {
    const runs = await accountApi.settlementRuns();
    byId('runs').replaceChildren(emptyOr(runs, 'No epoch settled yet.', () => table(
      ['Day', 'Pool', 'Paid', 'Remainder', 'Claims', 'Payouts done / pending / refused', 'Merkle root', 'Settled'],
      runs.map((r) => [epochDay(r.epoch), `${r.pool} SKY`, `${r.totalPaid} SKY`, `${r.remainder} SKY`, String(r.claims),
        `${r.payoutsDone} / ${r.payoutsPending} / ${r.payoutsRefused}`, short(r.merkleRoot, 8), when(r.settledAt)]))));
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 401)) throw e;
    byId('runs').textContent = 'Only operators see the settlement runs.';
  }
}

async function main(): Promise<void> {
  byId<HTMLFormElement>('relay').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const key = byId<HTMLInputElement>('relay-key').value.trim().toLowerCase();
    if (!isRelayKey(key)) {
      errors.show('key', 'A relay key is 66 hex digits starting with 02 or 03');
      return;
    }
    errors.clear();
    show(key).catch((e: unknown) => errors.fail(e));
  });
  const fromHash = async (): Promise<void> => {
    const key = window.location.hash.slice(1);
    if (!isRelayKey(key)) return;
    byId<HTMLInputElement>('relay-key').value = key;
    await show(key.toLowerCase());
  };
  window.addEventListener('hashchange', () => { fromHash().catch((e: unknown) => errors.fail(e)); });
  await fromHash();
  const me = await signedInUser();
  renderWho(byId('who'), me);
  if (me === null) return;
  // Only operators may list the runs: asked on request, so other users' pages make no refused request.
  byId('runs-panel').hidden = false;
  byId('runs-load').addEventListener('click', () => {
    showRuns().catch((e: unknown) => { byId('runs').textContent = errorText(e); });
  });
}

main().catch((e: unknown) => { byId('relay-error').textContent = errorText(e); });
