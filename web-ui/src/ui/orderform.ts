/** The order form's markup (built once so typing is never interrupted), its live preview and its field messages. */
import { amountField, checkOrderForm, TIME_IN_FORCE, type OrderForm, type TimeInForce } from '../lib/orderform';
import type { AppState } from '../store';
import { amountOf, el } from './format';

const TIF_LABEL: Record<TimeInForce, string> = { GTC: 'Good till cancelled', PO: 'Post-only', IOC: 'Immediate or cancel', FOK: 'Fill or kill' };

export function mountOrderForm(root: HTMLElement): void {
  root.innerHTML = `<form id="order-form" class="order-form" data-side="buy" data-type="limit" novalidate>
      <div class="seg" role="group" aria-label="Side">
        <button type="button" id="side-buy" class="seg-btn buy active" data-side="buy" aria-pressed="true">Buy</button>
        <button type="button" id="side-sell" class="seg-btn sell" data-side="sell" aria-pressed="false">Sell</button>
      </div>
      <div class="seg small" role="group" aria-label="Type">
        <button type="button" id="type-limit" class="seg-btn active" data-type="limit" aria-pressed="true">Limit</button>
        <button type="button" id="type-market" class="seg-btn" data-type="market" aria-pressed="false">Market</button>
      </div>
      <div id="price-group">
        <label for="order-price">Price <span class="unit" id="price-unit"></span></label>
        <input id="order-price" name="price" inputmode="decimal" autocomplete="off" placeholder="0.00000000" aria-describedby="order-price-error">
        <p id="order-price-error" class="field-error" role="alert"></p>
      </div>
      <label for="order-amount"><span id="amount-label">Amount</span> <span class="unit" id="amount-unit"></span></label>
      <input id="order-amount" name="amount" inputmode="decimal" autocomplete="off" placeholder="0" aria-describedby="order-amount-error">
      <p id="order-amount-error" class="field-error" role="alert"></p>
      <div class="presets" role="group" aria-label="Share of the available balance">
        ${[25, 50, 75, 100].map((p) => `<button type="button" class="chip" data-preset="${p}">${p}%</button>`).join('')}
      </div>
      <div id="tif-group">
        <label for="order-tif">Time in force</label>
        <select id="order-tif" name="timeInForce">${TIME_IN_FORCE.map((t) => `<option value="${t}">${TIF_LABEL[t]}</option>`).join('')}</select>
      </div>
      <div class="preview"><span class="dim" id="total-label">Total</span> <span class="num" id="order-total">—</span></div>
      <div class="preview"><span class="dim">Fee (at most)</span> <span class="num" id="order-fee">—</span></div>
      <div class="preview"><span class="dim">Available</span> <span class="num" id="order-available">—</span></div>
      <label class="check"><input type="checkbox" id="order-confirm"> Ask me to confirm each order</label>
      <button id="order-submit" type="submit" class="btn buy">Buy</button>
      <p id="order-error" class="error" role="alert"></p>
    </form>`;
}

export function readOrderForm(): OrderForm {
  const form = el<HTMLFormElement>('order-form');
  const tif = el<HTMLSelectElement>('order-tif').value as TimeInForce;
  return {
    side: form.dataset.side === 'sell' ? 'sell' : 'buy',
    type: form.dataset.type === 'market' ? 'market' : 'limit',
    price: el<HTMLInputElement>('order-price').value,
    amount: el<HTMLInputElement>('order-amount').value,
    timeInForce: TIME_IN_FORCE.includes(tif) ? tif : 'GTC',
  };
}

function setFieldError(field: 'price' | 'amount', text: string): void {
  el(`order-${field}-error`).textContent = text;
  el(`order-${field}`).setAttribute('aria-invalid', text === '' ? 'false' : 'true');
}

export function renderOrderForm(s: AppState): void {
  const form = readOrderForm();
  const { base, quote } = s.spec;
  const check = checkOrderForm(form, s.spec, s.book);
  el('price-unit').textContent = quote;
  const amount = amountField(form, s.spec);
  el('amount-label').textContent = amount.label;
  el('amount-unit').textContent = amount.asset;
  el('total-label').textContent = check.totalLabel;
  el('price-group').hidden = form.type === 'market';
  el('tif-group').hidden = form.type === 'market';
  el('order-total').textContent = check.total === null ? '—' : `${check.total} ${check.totalAsset}`;
  el('order-fee').textContent = check.maxFee === null ? '—' : `${check.maxFee} ${quote}`;
  const spendAsset = form.side === 'buy' ? quote : base;
  el('order-available').textContent = s.me === null ? '—' : `${amountOf(spendAsset, s.balances[spendAsset]?.free ?? '0')} ${spendAsset}`;
  const submit = el<HTMLButtonElement>('order-submit');
  submit.textContent = s.me === null ? 'Log in to trade' : `${form.side === 'buy' ? 'Buy' : 'Sell'} ${base}`;
  submit.className = `btn ${form.side}`;
  submit.disabled = s.me === null;
  for (const b of document.querySelectorAll<HTMLButtonElement>('#order-form [data-preset]')) b.disabled = s.me === null;
  // While typing, only a field that holds something gets a message; empty fields are reported on submit.
  const field = check.error === null ? '' : check.error.field === 'price' ? form.price : form.amount;
  const hint = check.error !== null && field.trim() !== '' ? check.error : null;
  const shown = s.orderError ?? (hint === null ? null : { field: hint.field, text: hint.message, code: null });
  setFieldError('price', shown?.field === 'price' ? shown.text : '');
  setFieldError('amount', shown?.field === 'amount' ? shown.text : '');
  const box = el('order-error');
  box.textContent = shown !== null && shown.field === null ? shown.text : '';
  box.dataset.code = s.orderError?.code ?? '';
}

/** The sentence the optional confirmation shows: side, amount, price or market, total and fee as previewed. */
export function confirmText(s: AppState): string {
  const form = readOrderForm();
  const check = checkOrderForm(form, s.spec, s.book);
  const amount = amountField(form, s.spec);
  const what = `${form.side === 'buy' ? 'Buy' : 'Sell'} ${form.type === 'market' && form.side === 'buy' ? `for ${form.amount.trim()} ${amount.asset}` : `${form.amount.trim()} ${s.spec.base}`}`;
  const at = form.type === 'limit' ? ` at ${form.price.trim()} ${s.spec.quote} (${form.timeInForce ?? 'GTC'})` : ' at market';
  const total = check.total === null ? '' : `\n${check.totalLabel}: ${check.total} ${check.totalAsset}`;
  const fee = check.maxFee === null ? '' : `\nFee at most: ${check.maxFee} ${s.spec.quote}`;
  return `${what}${at}?${total}${fee}`;
}
