/** The Account page: 2FA enrolment, API keys, the withdrawal whitelist and the auto-sweep address. */
import '../style.css';
import { accountApi, type SecurityDto } from '../api';
import { byId, h } from '../ui/dom';
import { mountAddresses, refreshAddresses } from './account-addresses';
import { mountKeys, refreshKeys } from './account-keys';
import { security } from './account-state';
import { FormErrors, renderWho, signedInUser } from './common';

const tfaErrors = new FormErrors('tfa', ['code'] as const);

function codeForm(button: string, buttonId: string, onSubmit: (code: string) => Promise<void>): HTMLFormElement {
  const form = h('form', { id: 'tfa', class: 'stack', novalidate: true },
    h('label', { for: 'tfa-code' }, '6-digit code from your authenticator app'),
    h('input', { id: 'tfa-code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', 'aria-describedby': 'tfa-code-error' }),
    h('p', { id: 'tfa-code-error', class: 'field-error', role: 'alert' }),
    h('button', { class: 'btn primary', type: 'submit', id: buttonId }, button),
    h('p', { id: 'tfa-error', class: 'field-error', role: 'alert' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const code = byId<HTMLInputElement>('tfa-code').value.trim();
    if (!/^\d{6}$/.test(code)) {
      tfaErrors.show('code', 'Enter the 6 digits your app shows');
      return;
    }
    onSubmit(code).catch((e: unknown) => tfaErrors.fail(e));
  });
  return form;
}

async function enrol(): Promise<void> {
  const e = await accountApi.enrol();
  const body = byId('twofa-body');
  body.replaceChildren(
    h('p', null, 'Scan this code with an authenticator app (or type the secret), then enter the code it shows.'),
    h('img', { id: 'twofa-qr', src: e.qrPng, alt: 'QR code of your 2FA secret', width: '200', height: '200', class: 'qr' }),
    h('p', null, 'Secret: ', h('code', { id: 'twofa-secret' }, e.secret)),
    codeForm('Turn on 2FA', 'tfa-confirm', async (code) => {
      await accountApi.confirm2fa(code);
      await refreshSecurity();
    }));
  byId<HTMLInputElement>('tfa-code').focus();
}

function renderTwoFactor(s: SecurityDto): void {
  const state = byId('twofa-state');
  const body = byId('twofa-body');
  document.body.classList.toggle('tfa-on', s.twoFactor === 'on');
  if (s.twoFactor === 'on') {
    state.replaceChildren(h('strong', { class: 'ok' }, '2FA is on.'),
      ' Withdrawals and changes to the whitelist and auto-sweep need a code.');
    body.replaceChildren(h('details', null, h('summary', null, 'Turn 2FA off'),
      codeForm('Turn off 2FA', 'tfa-disable', async (code) => {
        await accountApi.disable2fa(code);
        await refreshSecurity();
      })));
    return;
  }
  state.replaceChildren(h('strong', { class: 'bad' }, '2FA is off.'), ' Turn it on to protect withdrawals.');
  const start = h('button', { type: 'button', class: 'btn primary', id: 'twofa-enrol' }, 'Set up 2FA');
  start.addEventListener('click', () => {
    enrol().catch((e: unknown) => {
      body.append(h('p', { class: 'field-error', role: 'alert' }, String(e instanceof Error ? e.message : e)));
    });
  });
  body.replaceChildren(start);
}

async function refreshSecurity(): Promise<void> {
  security.current = await accountApi.security();
  renderTwoFactor(security.current);
  await refreshAddresses();
}

async function main(): Promise<void> {
  const me = await signedInUser();
  renderWho(byId('who'), me);
  if (me === null) {
    byId('signed-out').hidden = false;
    return;
  }
  for (const id of ['twofa-panel', 'keys-panel', 'wl-panel', 'sweep-panel']) byId(id).hidden = false;
  mountKeys();
  mountAddresses();
  await Promise.all([refreshSecurity(), refreshKeys()]);
}

main().catch((e: unknown) => {
  byId('notice').textContent = `The account could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
});
