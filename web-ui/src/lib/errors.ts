/**
 * Turns the server's one error shape into a message for a person and the form field it belongs to, so that the
 * page shows it next to that field; raw field names and internal codes never reach the screen.
 */

export interface ServerError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field: string | null;
}

export interface FieldMessage<F extends string> {
  /** The form field to show the message beside, or null for the form as a whole. */
  readonly field: F | null;
  readonly text: string;
}

/** Messages for codes whose server text is written for developers. */
const FRIENDLY: Readonly<Record<string, string>> = {
  INSUFFICIENT_FUNDS: 'Not enough available balance for this order',
  WOULD_TAKE: 'Post-only: this order would match at once, so it was not placed',
  FOK_NOT_FILLED: 'Fill-or-kill: the book cannot fill the whole amount now, so nothing was traded',
  EMAIL_TAKEN: 'An account with this email already exists. Log in instead?',
  UNAUTHENTICATED: 'Email or password is wrong',
  TOO_MANY_ATTEMPTS: '',
  UNAVAILABLE: 'The exchange is busy. Try again in a moment.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
};

const AMOUNT_DETAIL: Readonly<Record<string, string>> = {
  BELOW_MIN_SIZE: 'Amount is below the market minimum',
  BELOW_MIN_NOTIONAL: 'The order total is below the market minimum',
  ABOVE_MAX_NOTIONAL: 'The order total is above the market maximum',
};

/** "amount out of range (BELOW_MIN_SIZE)" → the detail's message; otherwise the text, capitalised, no codes. */
function readable(e: ServerError): string {
  const friendly = FRIENDLY[e.code];
  if (friendly !== undefined && friendly !== '') return friendly;
  const code = /\(([A-Z_]+)\)\s*$/.exec(e.message)?.[1];
  const detail = code === undefined ? undefined : AMOUNT_DETAIL[code];
  if (detail !== undefined) return detail;
  const text = e.message.replace(/\s*\([A-Z_]+\)\s*$/, '').replace(/'/g, '').trim();
  if (text === '' || text === e.code) return 'The request was refused';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Where and what to show for `e` in a form whose fields are `fields`; `aliases` maps server field names to form
 * fields (a market buy's `cost` is the Spend field).
 */
export function placeError<F extends string>(
  e: ServerError,
  fields: readonly F[],
  aliases: Readonly<Record<string, F>> = {},
): FieldMessage<F> {
  const named = e.field === null ? null : (aliases[e.field] ?? (fields as readonly string[]).find((f) => f === e.field) ?? null);
  return { field: (named as F | null), text: readable(e) };
}
