/** The Account page's knowledge of the account's protections (refreshed after each change). */
import type { SecurityDto } from '../api';
import { byId } from '../ui/dom';

export const security: { current: SecurityDto | null } = { current: null };

export function twoFactorOn(): boolean {
  return security.current?.twoFactor === 'on';
}

/** The 2FA code typed into a form's code field ('' while 2FA is off). */
export function codeOf(form: string): string {
  return twoFactorOn() ? byId<HTMLInputElement>(`${form}-code`).value.trim() : '';
}
