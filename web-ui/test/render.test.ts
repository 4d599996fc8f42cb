import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyBookMessage } from '../src/lib/book';
import { SKY_BTC } from '../src/lib/market';
import { initialState, type AppState } from '../src/store';
import { renderBook } from '../src/ui/book';
import { amountOf, esc, timeOf } from '../src/ui/format';
import { renderAccount } from '../src/ui/header';
import { renderBalances, renderMyTrades, renderOpenOrders, renderTrades } from '../src/ui/tables';

/** Components only set innerHTML, so a plain object stands in for the element. */
const root = () => ({ innerHTML: '' }) as unknown as HTMLElement;
const state = (patch: Partial<AppState>): AppState => ({ ...initialState, ...patch });
const me = { userId: 1, email: 'a@b.io' };

beforeEach(() => {
  vi.stubGlobal('document', { getElementById: () => null });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('format helpers', () => {
  it('escapes markup and quotes', () => {
    expect(esc('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
    expect(esc(null)).toBe('');
  });

  it('shows amounts at the asset precision and times in UTC', () => {
    expect(amountOf('BTC', '0.001')).toBe('0.00100000');
    expect(amountOf('SKY', null)).toBe('—');
    expect(timeOf('2026-11-24T02:30:05Z')).toBe('02:30:05');
    expect(timeOf(Date.UTC(2026, 0, 1, 13, 4, 5))).toBe('13:04:05');
    expect(timeOf('not a time')).toBe('not a time');
  });
});

describe('components', () => {
  it('render server text escaped, never as markup', () => {
    const evil = '<script>x</script>';
    const el = root();
    renderTrades(el, state({ trades: [{ id: evil, price: evil, amount: '1', side: 'buy', timestamp: evil }] }));
    expect(el.innerHTML).not.toContain('<script>');
    expect(el.innerHTML).toContain('&lt;script&gt;');
    renderAccount(el, state({ authChecked: true, me: { userId: 1, email: evil } }));
    expect(el.innerHTML).not.toContain('<script>');
    // Signed out: the form with a message slot beside each field (messages are set as text, never as markup).
    const form = { innerHTML: '', querySelector: () => null } as unknown as HTMLElement;
    renderAccount(form, state({ authChecked: true, authError: { field: 'password', text: evil } }));
    expect(form.innerHTML).not.toContain('<script>');
    expect(form.innerHTML).toContain('id="auth-email-error"');
    expect(form.innerHTML).toContain('id="auth-password-error"');
  });

  it('shows free and used balances per asset with test ids', () => {
    const el = root();
    renderBalances(el, state({ me, balances: { SKY: { free: '990', used: '10', total: '1000' } } }));
    expect(el.innerHTML).toMatch(/data-testid="bal-SKY-free">990\.000000</);
    expect(el.innerHTML).toMatch(/data-testid="bal-SKY-used">10\.000000</);
    expect(el.innerHTML).toMatch(/data-testid="bal-BTC-free">0\.00000000</);
    renderBalances(el, state({}));
    expect(el.innerHTML).toContain('Log in');
  });

  it('lists open orders with a cancel button and my trades with fees', () => {
    const el = root();
    renderOpenOrders(el, state({
      me,
      openOrders: [{ id: 7, market: 'SKY-BTC', side: 'sell', type: 'limit', price: '0.0001', amount: '10', filled: '0', remaining: '10', status: 'open' }],
    }));
    expect(el.innerHTML).toContain('data-cancel="7"');
    expect(el.innerHTML).toContain('0.00010000');
    renderMyTrades(el, state({
      me,
      myTrades: [{ id: 1, orderId: 7, market: 'SKY-BTC', side: 'sell', price: '0.0001', amount: '10', fee: '0.000001', feeAsset: 'BTC', role: 'maker', timestamp: 0 }],
    }));
    expect(el.innerHTML).toContain('0.00000100 BTC');
    expect(el.innerHTML).toContain('maker');
  });

  it('draws the book with asks above bids and the spread', () => {
    const book = applyBookMessage(null, {
      type: 'snapshot', market: 'SKY-BTC', seq: 3, bids: [['0.0001', '5']], asks: [['0.00011', '2'], ['0.00012', '1']],
    }, SKY_BTC).state;
    const el = root();
    renderBook(el, state({ book }));
    const html = el.innerHTML;
    expect(html.indexOf('0.00012000')).toBeLessThan(html.indexOf('0.00011000'));
    expect(html.indexOf('0.00011000')).toBeLessThan(html.indexOf('0.00010000'));
    expect(html).toContain('Spread 0.00001000');
    expect(html).toContain('seq 3');
    renderBook(el, state({}));
    expect(el.innerHTML).toContain('Waiting for the book');
  });
});
