/**
 * The `skyx.session` hint: set while this browser holds a session, so that an anonymous visit does not ask
 * `GET /auth/me` (a 401 that the browser would log); cleared on log-out and whenever the server says the session
 * is gone. Shared by every page.
 */
const SESSION_HINT = 'skyx.session';

export function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(SESSION_HINT, '1');
    else localStorage.removeItem(SESSION_HINT);
  } catch {
    // Storage can be unavailable (private mode); the page then simply asks the server next time.
  }
}

export function sessionHinted(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT) === '1';
  } catch {
    return true;
  }
}
