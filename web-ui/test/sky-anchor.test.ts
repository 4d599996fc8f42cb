import { describe, expect, it } from 'vitest';
import { skyAnchorAddress } from '../src/lib/sky-anchor';

// "SKYX" ‖ u64 1 ‖ 32 × 0x11 ‖ 32 × 0x22; the same vector as custody's SkyAnchorTest (computed with Python hashlib)
const payload = '534b5958' + '0000000000000001' + '11'.repeat(32) + '22'.repeat(32);

describe('SKY anchor address', () => {
  it('recomputes the address the server pays', async () => {
    expect(await skyAnchorAddress(payload)).toBe('BcgUBx1z34d783ayccb4bpSdNLuoJ9GmaG');
  });

  it('gives another address for another payload and refuses bad hex', async () => {
    expect(await skyAnchorAddress(payload.slice(0, -1) + '3')).not.toBe('BcgUBx1z34d783ayccb4bpSdNLuoJ9GmaG');
    await expect(skyAnchorAddress('')).rejects.toThrow();
    await expect(skyAnchorAddress('zz')).rejects.toThrow();
  });
});
