import { describe, expect, it } from 'vitest';
import { placeError } from '../src/lib/errors';

const e = (code: string, message: string, field: string | null = null, status = 400) => ({ status, code, message, field });

describe('placeError', () => {
  it('puts a field error beside its field without the raw field name', () => {
    expect(placeError(e('WEAK_PASSWORD', 'password must have at least 12 characters', 'password'), ['email', 'password']))
      .toEqual({ field: 'password', text: 'Password must have at least 12 characters' });
    expect(placeError(e('EMAIL_TAKEN', 'an account with this email already exists', 'email', 409), ['email', 'password']))
      .toEqual({ field: 'email', text: 'An account with this email already exists. Log in instead?' });
  });

  it('maps server fields onto form fields (cost is the Spend field) and unknown ones to the form', () => {
    const fields = ['price', 'amount'] as const;
    expect(placeError(e('INVALID_AMOUNT', "'cost' must be positive", 'cost'), fields, { cost: 'amount' }).field).toBe('amount');
    expect(placeError(e('BAD_REQUEST', "'timeInForce' must be GTC", 'timeInForce'), fields).field).toBeNull();
  });

  it('replaces internal codes by a sentence', () => {
    expect(placeError(e('INVALID_AMOUNT', 'amount out of range (BELOW_MIN_SIZE)', 'amount'), ['amount']).text)
      .toBe('Amount is below the market minimum');
    expect(placeError(e('INSUFFICIENT_FUNDS', 'not enough available balance for this order', 'amount', 422), ['amount']))
      .toEqual({ field: 'amount', text: 'Not enough available balance for this order' });
    expect(placeError(e('WOULD_TAKE', 'a post-only order would take liquidity'), ['amount']).text).toMatch(/^Post-only/);
    expect(placeError(e('UNAUTHENTICATED', 'email or password is wrong', null, 401), ['email']).text).toBe('Email or password is wrong');
    expect(placeError(e('X', 'amount out of range (SOMETHING_NEW)'), ['amount']).text).toBe('Amount out of range');
  });
});
