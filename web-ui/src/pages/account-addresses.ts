/** The Account page's withdrawal whitelist (with its cool-off) and auto-sweep addresses. */
import { accountApi, type SweepDto, type WhitelistEntryDto } from '../api';
import { durationText, usableText } from '../lib/apikeys';
import { parseUnits } from '../lib/decimal';
import { decimalsOf } from '../lib/market';
import { byId, h, table } from '../ui/dom';
import { codeOf, security } from './account-state';
import { FormErrors, say, short, when } from './common';

const wlErrors = new FormErrors('wl', ['address', 'label', 'code'] as const);
const sweepErrors = new FormErrors('sweep', ['address', 'minimum', 'code'] as const);
let whitelistOn = false;

function coolOff(): string {
  return durationText(security.current?.whitelistCoolOffSeconds ?? 0);
}

function renderWhitelist(enabled: boolean, entries: readonly WhitelistEntryDto[]): void {
  whitelistOn = enabled;
  const cool = coolOff();
  byId('wl-state').replaceChildren(
    h('strong', { class: enabled ? 'ok' : 'dim' }, enabled ? 'The whitelist is on: ' : 'The whitelist is off: '),
    enabled ? 'withdrawals go only to the addresses below whose cool-off has passed. ' : 'withdrawals may go to any address. ',
    `A new address becomes usable after a cool-off of ${cool}.`);
  byId('wl-toggle').textContent = enabled ? 'Turn the whitelist off' : 'Turn the whitelist on';
  const now = Date.now();
  byId('wl-list').replaceChildren(entries.length === 0 ? h('p', { class: 'empty' }, 'No whitelisted addresses.')
    : table(['Asset', 'Address', 'Label', 'Added', 'Cool-off', ''], entries.map((e) => {
      const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${e.address}` }, 'Remove');
      remove.addEventListener('click', () => {
        accountApi.removeWhitelist(e.id, codeOf('wl')).then(refreshAddresses).catch((err: unknown) => wlErrors.fail(err));
      });
      return [e.asset, short(e.address), e.label ?? '', when(e.createdAt),
        h('span', { class: e.usable ? 'ok' : 'dim', 'data-usable': String(e.usable) }, usableText(e.usableAt, now)), remove];
    })));
}

function renderSweeps(sweeps: readonly SweepDto[]): void {
  const now = Date.now();
  byId('sweep-list').replaceChildren(sweeps.length === 0 ? h('p', { class: 'empty' }, 'No auto-sweep address.')
    : table(['Asset', 'Address', 'Keep', 'Cool-off', ''], sweeps.map((s) => {
      const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Remove the ${s.asset} auto-sweep` }, 'Remove');
      remove.addEventListener('click', () => {
        accountApi.removeSweep(s.asset, codeOf('sweep')).then(refreshAddresses).catch((err: unknown) => sweepErrors.fail(err));
      });
      return [s.asset, short(s.address), `${s.minimum} ${s.asset}`, usableText(s.usableAt, now), remove];
    })));
}

export async function refreshAddresses(): Promise<void> {
  const [wl, sweeps] = await Promise.all([accountApi.whitelist(), accountApi.sweeps()]);
  renderWhitelist(wl.enabled, wl.entries);
  renderSweeps(sweeps);
}

function value(id: string): string {
  return byId<HTMLInputElement | HTMLSelectElement>(id).value.trim();
}

export function mountAddresses(): void {
  byId<HTMLFormElement>('wl').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (value('wl-address') === '') {
      wlErrors.show('address', 'Enter the address to allow');
      return;
    }
    wlErrors.clear();
    accountApi.addWhitelist(value('wl-asset'), value('wl-address'), value('wl-label'), codeOf('wl'))
      .then(async () => {
        byId<HTMLInputElement>('wl-address').value = '';
        byId<HTMLInputElement>('wl-code').value = '';
        say('notice', `Address added: usable after the cool-off of ${coolOff()}`, 'ok');
        await refreshAddresses();
      })
      .catch((e: unknown) => wlErrors.fail(e));
  });
  byId('wl-toggle').addEventListener('click', () => {
    wlErrors.clear();
    accountApi.setWhitelist(!whitelistOn, codeOf('wl'))
      .then(async () => {
        byId<HTMLInputElement>('wl-code').value = '';
        await refreshAddresses();
      })
      .catch((e: unknown) => wlErrors.fail(e));
  });
  byId<HTMLFormElement>('sweep').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const asset = value('sweep-asset');
    if (value('sweep-address') === '') {
      sweepErrors.show('address', 'Enter your own wallet address');
      return;
    }
    if (parseUnits(value('sweep-minimum'), decimalsOf(asset)) === null) {
      sweepErrors.show('minimum', `Enter a plain amount with at most ${decimalsOf(asset)} decimals`);
      return;
    }
    sweepErrors.clear();
    accountApi.setSweep(asset, value('sweep-address'), value('sweep-minimum'), codeOf('sweep'))
      .then(async () => {
        byId<HTMLInputElement>('sweep-code').value = '';
        say('notice', 'Auto-sweep address saved', 'ok');
        await refreshAddresses();
      })
      .catch((e: unknown) => sweepErrors.fail(e));
  });
}
