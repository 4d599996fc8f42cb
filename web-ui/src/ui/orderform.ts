/** The order form's markup (built once so typing is never interrupted) and its live preview line. */
import { amountField, checkOrderForm, type OrderForm } from '../lib/orderform';
import type { AppState } from '../store';
import { amountOf, el } from './format';

export function mountOrderForm(root: HTMLElement): void {
  root.innerHTML = `<form id="order-form" class="order-form" data-side="buy" data-type="limit" novalidate>
      <div class="seg" role="group" aria-label="Side">
        <button type="button" id="side-buy" class="seg-btn buy active" data-side="buy">Buy</button>
        <button type="button" id="side-sell" class="seg-btn sell" data-side="sell">Sell</button>
      </div>
      <div class="seg small" role="group" aria-label="Type">
        <button type="button" id="type-limit" class="seg-btn active" data-type="limit">Limit</button>
        <button type="button" id="type-market" class="seg-btn" data-type="market">Market</button>
      </div>
      <label id="price-label"><span>Price <span class="unit" id="price-unit"></span></span>
        <input id="order-price" name="price" inputmode="decimal" autocomplete="off" placeholder="0.00000000"></label>
      <label><span><span id="amount-label">Amount</span> <span class="unit" id="amount-unit"></span></span>
        <input id="order-amount" name="amount" inputmode="decimal" autocomplete="off" placeholder="0"></label>
      <div class="preview"><span class="dim" id="total-label">Total</span> <span class="num" id="order-total">—</span></div>
      <div class="preview"><span class="dim">Fee (at most)</span> <span class="num" id="order-fee">—</span></div>
      <div class="preview"><span class="dim">Available</span> <span class="num" id="order-available">—</span></div>
      <button id="order-submit" type="submit" class="btn buy">Buy</button>
      <p id="order-error" class="error" role="alert"></p>
    </form>`;
}

export function readOrderForm(): OrderForm {
  const form = el<HTMLFormElement>('order-form');
  return {
    side: form.dataset.side === 'sell' ? 'sell' : 'buy',
    type: form.dataset.type === 'market' ? 'market' : 'limit',
    price: el<HTMLInputElement>('order-price').value,
    amount: el<HTMLInputElement>('order-amount').value,
  };
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
  el('price-label').hidden = form.type === 'market';
  el('order-total').textContent = check.total === null ? '—' : `${check.total} ${check.totalAsset}`;
  el('order-fee').textContent = check.maxFee === null ? '—' : `${check.maxFee} ${quote}`;
  const spendAsset = form.side === 'buy' ? quote : base;
  el('order-available').textContent = s.me === null ? '—' : `${amountOf(spendAsset, s.balances[spendAsset]?.free ?? '0')} ${spendAsset}`;
  const submit = el<HTMLButtonElement>('order-submit');
  submit.textContent = s.me === null ? 'Log in to trade' : `${form.side === 'buy' ? 'Buy' : 'Sell'} ${base}`;
  submit.className = `btn ${form.side}`;
  submit.disabled = s.me === null;
  // While typing, only a field that holds something gets a message; empty fields are reported on submit.
  const field = check.error === null ? '' : check.error.field === 'price' ? form.price : form.amount;
  const hint = check.error !== null && field.trim() !== '' ? check.error.message : '';
  const box = el('order-error');
  box.textContent = s.orderError?.text ?? hint;
  box.dataset.code = s.orderError?.code ?? '';
}
