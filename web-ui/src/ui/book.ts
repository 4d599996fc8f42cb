/** Order book: asks (lowest nearest the middle), spread, bids, each row with a cumulative depth bar; grouped on request. */
import { depth, spread, type DepthRow } from '../lib/book';
import { formatUnits } from '../lib/decimal';
import { groupBook, groupSteps } from '../lib/grouping';
import type { AppState } from '../store';
import { esc } from './format';

const LEVELS = 20;

function rows(list: DepthRow[], side: 'bid' | 'ask'): string {
  return list
    .map(
      (r) => `<tr class="${side}" data-price="${esc(r.price)}" tabindex="0" style="--depth:${r.depthPerMille / 10}%" aria-label="${side === 'bid' ? 'Bid' : 'Ask'} ${esc(r.price)}, ${esc(r.amount)}">
        <td class="num price">${esc(r.price)}</td><td class="num">${esc(r.amount)}</td><td class="num dim">${esc(r.total)}</td></tr>`,
    )
    .join('');
}

export function renderGroupSelect(select: HTMLSelectElement, s: AppState): void {
  const steps = groupSteps(s.spec);
  if (select.options.length !== steps.length) {
    select.innerHTML = steps.map((g) => `<option value="${g.step}">${esc(g.label)}</option>`).join('');
  }
  select.value = String(s.groupStep);
}

export function renderBook(root: HTMLElement, s: AppState): void {
  const book = groupBook(s.book, s.groupStep, s.spec);
  const asks = depth(book, 'asks', LEVELS, s.spec).reverse();
  const bids = depth(book, 'bids', LEVELS, s.spec);
  const gap = spread(s.book);
  const head = `<thead><tr><th scope="col">Price (${esc(s.spec.quote)})</th><th scope="col">Amount (${esc(s.spec.base)})</th><th scope="col">Total</th></tr></thead>`;
  const middle = s.book === null ? 'Waiting for the book…'
    : asks.length === 0 && bids.length === 0 ? 'No orders yet'
    : gap === null ? 'Spread —' : `Spread ${esc(formatUnits(gap, s.spec.quoteDecimals))}`;
  root.innerHTML = `
    <table class="grid book book-head">${head}</table>
    <div class="book-side asks"><table class="grid book"><tbody id="book-asks">${rows(asks, 'ask')}</tbody></table></div>
    <div class="spread">${middle}<span class="dim seq">seq ${s.book?.seq ?? '—'}</span></div>
    <div class="book-side bids"><table class="grid book"><tbody id="book-bids">${rows(bids, 'bid')}</tbody></table></div>`;
}
