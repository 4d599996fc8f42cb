/**
 * Wallet page logic: the withdraw form's checks (before anything is sent: amount as integer units, 2FA and
 * whitelist aware), payment URIs for the deposit QR code, and the status texts of deposits and withdrawals.
 */
import { formatTrimmed, parseUnits } from './decimal';
import { decimalsOf } from './market';

export type WithdrawField = 'address' | 'amount' | 'code';

export interface WithdrawForm {
  readonly asset: string;
  readonly address: string;
  readonly amount: string;
  readonly code: string;
}

export interface WithdrawContext {
  /** The free balance of the asset (decimal string), null while unknown. */
  readonly free: string | null;
  readonly twoFactor: boolean;
  readonly whitelistOn: boolean;
  /** Whitelist entries whose cool-off has passed. */
  readonly usable: readonly { readonly asset: string; readonly address: string }[];
}

export interface WithdrawRequest {
  readonly asset: string;
  readonly address: string;
  readonly amount: string;
  readonly code?: string;
}

export interface WithdrawCheck {
  readonly request: WithdrawRequest | null;
  readonly error: { readonly field: WithdrawField; readonly message: string } | null;
}

const ADDRESS = /^[A-Za-z0-9]{14,100}$/;
const CODE = /^\d{6}$/;

function refuse(field: WithdrawField, message: string): WithdrawCheck {
  return { request: null, error: { field, message } };
}

/** Same address as the whitelist stores it (bech32 is case-insensitive and stored in lower case). */
export function sameAddress(asset: string, a: string, b: string): boolean {
  if (asset === 'BTC' && /^(bc|tb|bcrt)1/i.test(a)) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function checkWithdraw(form: WithdrawForm, ctx: WithdrawContext): WithdrawCheck {
  const address = form.address.trim();
  const decimals = decimalsOf(form.asset);
  if (address === '') return refuse('address', 'Enter the address to send to');
  if (!ADDRESS.test(address)) return refuse('address', 'This does not look like an address (letters and digits only)');
  if (ctx.whitelistOn && !ctx.usable.some((e) => e.asset === form.asset && sameAddress(form.asset, e.address, address))) {
    return refuse('address', 'Your whitelist is on: pick one of its addresses whose cool-off has passed');
  }
  const text = form.amount.trim();
  if (text === '') return refuse('amount', 'Enter an amount');
  const units = parseUnits(text, decimals);
  if (units === null) return refuse('amount', `Enter a plain amount with at most ${decimals} decimals`);
  if (units === 0n) return refuse('amount', 'The amount must be more than 0');
  if (ctx.free !== null) {
    const free = parseUnits(ctx.free, decimals);
    if (free !== null && units > free) {
      return refuse('amount', `More than your available ${formatTrimmed(free, decimals)} ${form.asset}`);
    }
  }
  const code = form.code.trim();
  if (ctx.twoFactor && !CODE.test(code)) return refuse('code', 'Enter the 6-digit code from your authenticator app');
  const request: WithdrawRequest = ctx.twoFactor
    ? { asset: form.asset, address, amount: formatTrimmed(units, decimals), code }
    : { asset: form.asset, address, amount: formatTrimmed(units, decimals) };
  return { request, error: null };
}

/** The payment URI a wallet app scans (BIP 21 for Bitcoin, Skycoin's `skycoin:`). */
export function paymentUri(asset: string, address: string): string {
  return `${asset === 'BTC' ? 'bitcoin' : asset === 'SKY' ? 'skycoin' : asset.toLowerCase()}:${address}`;
}

/** "2 of 2 confirmations" style text. */
export function confirmationsText(confirmations: number, required: number | null): string {
  return required === null ? `${confirmations}` : `${Math.min(confirmations, required)}/${required}`;
}

const WITHDRAWAL_STEPS: Readonly<Record<string, string>> = {
  REQUESTED: 'Requested',
  RESERVED: 'Reserved',
  WAITING_FUNDS: 'Waiting for the hot wallet',
  SIGNED: 'Signed',
  BROADCAST: 'Sent, confirming',
  COMPLETED: 'Completed',
  REFUNDED: 'Refunded',
};

/** A withdrawal's step for people ("Sent, confirming"); unknown steps are shown as the server names them. */
export function withdrawalStep(state: string): string {
  return WITHDRAWAL_STEPS[state] ?? state;
}

/**
 * An Idempotency-Key for one withdraw request (`[0-9a-f]{32}`) from 16 random bytes; the page takes them from
 * `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also works on a plain-HTTP address.
 */
export function requestKey(random: Uint8Array): string {
  if (random.length !== 16) throw new Error('requestKey needs 16 random bytes');
  return Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
}
