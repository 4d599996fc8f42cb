/** Order book: asks (lowest nearest the middle), spread, bids, each row with a cumulative depth bar. */
import { depth, spread, type DepthRow } from '../lib/book';
import { formatUnits } from '../lib/decimal';
import type { AppState } from '../store';
import { esc } from './format';

const LEVELS = 15;

function rows(list: DepthRow[], side: 'bid' | 'ask'): string {
  return list
    .map(
      (r) => `<tr class="${side}" data-price="${esc(r.price)}" style="--depth:${r.depthPerMille / 10}%">
        <td class="num price">${esc(r.price)}</td><td class="num">${esc(r.amount)}</td><td class="num dim">${esc(r.total)}</td></tr>`,
    )
    .join('');
}

export function renderBook(root: HTMLElement, s: AppState): void {
  const asks = depth(s.book, 'asks', LEVELS, s.spec).reverse();
  const bids = depth(s.book, 'bids', LEVELS, s.spec);
  const gap = spread(s.book);
  root.innerHTML = `
    <table class="grid book">
      <thead><tr><th>Price (${esc(s.spec.quote)})</th><th>Amount (${esc(s.spec.base)})</th><th>Total</th></tr></thead>
      <tbody id="book-asks">${rows(asks, 'ask')}</tbody>
      <tbody><tr class="spread"><td colspan="3">${
        s.book === null ? 'Waiting for the book…' : gap === null ? 'Spread —' : `Spread ${esc(formatUnits(gap, s.spec.quoteDecimals))}`
      }<span class="dim seq">seq ${s.book?.seq ?? '—'}</span></td></tr></tbody>
      <tbody id="book-bids">${rows(bids, 'bid')}</tbody>
    </table>`;
}
