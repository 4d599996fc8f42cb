import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyProof } from '../src/lib/por';

// The same proof files the Java verifier is tested with (node/src/test/resources/reserves, ProofFixturesTest).
const dir = new URL('../../node/src/test/resources/reserves/', import.meta.url);
const [root, totalText, ...extra] = readFileSync(new URL('root.txt', dir), 'utf8').trim().split(' ');
if (root === undefined || totalText === undefined || extra.length > 0) throw new Error('root.txt: expected "<root> <total>"');
const total = BigInt(totalText);
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const expectAlice = { asset: 'SKY', snapshot: 3, account: 'alice', publishedRoot: root, publishedTotal: total };

describe('proof of liabilities verifier', () => {
  it('accepts the proofs the Java verifier accepts, with a total above 2^63', async () => {
    expect(await verifyProof(load('proof-alice.json'), { ...expectAlice, balance: 1_250_000_000n }))
      .toEqual({ ok: true, value: 1_250_000_000n, total });
    const dave = await verifyProof(load('proof-dave.json'), { ...expectAlice, account: 'dave' });
    expect(dave).toEqual({ ok: true, value: (1n << 63n) - 1n, total });
  });

  it('refuses a changed balance, another root, snapshot or account', async () => {
    const p = load('proof-alice.json');
    const leaf = p.leaf as Record<string, string>;
    const tampered = { ...p, leaf: { ...leaf, value: '1250000001' } };
    expect(await verifyProof(tampered, expectAlice)).toMatchObject({ ok: false, error: 'ROOT_MISMATCH' });
    expect(await verifyProof(p, { ...expectAlice, publishedRoot: '00'.repeat(32) }))
      .toMatchObject({ ok: false, error: 'ROOT_MISMATCH' });
    expect(await verifyProof(p, { ...expectAlice, snapshot: 2 })).toMatchObject({ ok: false, error: 'WRONG_SNAPSHOT' });
    expect(await verifyProof(p, { ...expectAlice, account: 'bob' })).toMatchObject({ ok: false, error: 'WRONG_ACCOUNT' });
    expect(await verifyProof(p, { ...expectAlice, balance: 5n })).toMatchObject({ ok: false, error: 'WRONG_BALANCE' });
    expect(await verifyProof(p, { ...expectAlice, publishedTotal: total + 1n }))
      .toMatchObject({ ok: false, error: 'TOTAL_MISMATCH' });
  });

  it('refuses negative, overflowing and malformed values', async () => {
    const p = load('proof-alice.json');
    const path = p.path as Record<string, string>[];
    const withStep = (value: string) => ({ ...p, path: [{ ...path[0], value }, ...path.slice(1)] });
    expect(await verifyProof(withStep('-1'), expectAlice)).toMatchObject({ ok: false, error: 'NEGATIVE_VALUE' });
    expect(await verifyProof(withStep((1n << 128n).toString()), expectAlice))
      .toMatchObject({ ok: false, error: 'VALUE_OUT_OF_RANGE' });
    expect(await verifyProof(withStep(((1n << 128n) - 1n).toString()), expectAlice))
      .toMatchObject({ ok: false, error: 'OVERFLOW' });
    expect(await verifyProof(withStep('01'), expectAlice)).toMatchObject({ ok: false, error: 'MALFORMED' });
    expect(await verifyProof({ ...p, version: 2 }, expectAlice)).toMatchObject({ ok: false, error: 'MALFORMED' });
    expect(await verifyProof({ ...p, extra: 1 }, expectAlice)).toMatchObject({ ok: false, error: 'MALFORMED' });
    expect(await verifyProof(null, expectAlice)).toMatchObject({ ok: false, error: 'MALFORMED' });
  });
});
