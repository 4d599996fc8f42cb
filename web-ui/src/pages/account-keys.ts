/** The Account page's API keys: create (permissions, IP allow-list, expiry; the secret shown once), list, revoke. */
import { accountApi, type ApiKeyDto } from '../api';
import { buildKeyRequest, type KeyField } from '../lib/apikeys';
import { byId, h, table } from '../ui/dom';
import { errorText, FormErrors, say, when } from './common';

const errors = new FormErrors<KeyField>('key', ['label', 'permissions', 'ips', 'expiry'], { ipAllowList: 'ips', expiresAt: 'expiry' });

function checked(id: string): boolean {
  return byId<HTMLInputElement>(id).checked;
}

function showSecret(key: string, secret: string): void {
  const box = byId('key-secret');
  const done = h('button', { type: 'button', class: 'btn secondary', id: 'key-secret-done' }, 'I have saved it');
  done.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
  });
  box.replaceChildren(
    h('p', null, h('strong', null, 'Copy the secret now: it is shown only once.')),
    h('p', null, 'Key: ', h('code', { id: 'new-key' }, key)),
    h('p', null, 'Secret: ', h('code', { id: 'new-secret' }, secret)),
    done);
  box.hidden = false;
  done.focus();
}

function renderKeys(keys: readonly ApiKeyDto[]): void {
  const root = byId('keys');
  if (keys.length === 0) {
    root.replaceChildren(h('p', { class: 'empty' }, 'No API keys yet.'));
    return;
  }
  root.replaceChildren(table(['Key', 'Label', 'Permissions', 'IP allow-list', 'Expires', 'Created', ''],
    keys.map((k) => {
      const revoke = h('button', { type: 'button', class: 'link', 'data-revoke': k.key, 'aria-label': `Revoke key ${k.key}` }, 'Revoke');
      revoke.addEventListener('click', () => {
        if (!window.confirm(`Revoke the key ${k.key.slice(0, 8)}…? Bots using it stop working at once.`)) return;
        accountApi.revokeApiKey(k.key).then(refreshKeys).then(() => say('notice', 'Key revoked', 'ok'))
          .catch((e: unknown) => say('notice', errorText(e), 'bad'));
      });
      return [h('code', { title: k.key }, `${k.key.slice(0, 8)}…`), k.label ?? '', k.permissions.join(', '),
        k.ipAllowList.length === 0 ? 'any' : k.ipAllowList.join(', '), (k.expiresAt ?? null) === null ? 'never' : when(k.expiresAt),
        when(k.createdAt), revoke];
    })));
}

export async function refreshKeys(): Promise<void> {
  renderKeys(await accountApi.apiKeys());
}

export function mountKeys(): void {
  byId<HTMLFormElement>('key').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const check = buildKeyRequest({
      label: byId<HTMLInputElement>('key-label').value, read: checked('key-read'), trade: checked('key-trade'),
      withdraw: checked('key-withdraw'), ips: byId<HTMLInputElement>('key-ips').value,
      expiry: byId<HTMLInputElement>('key-expiry').value,
    }, new Date());
    if (check.request === null) {
      errors.show(check.error?.field ?? null, check.error?.message ?? 'Check the form');
      return;
    }
    errors.clear();
    accountApi.createApiKey(check.request)
      .then(async (created) => {
        showSecret(created.key, created.secret);
        byId<HTMLFormElement>('key').reset();
        await refreshKeys();
      })
      .catch((e: unknown) => errors.fail(e));
  });
}
