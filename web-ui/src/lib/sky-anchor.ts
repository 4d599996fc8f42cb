/**
 * The SKY anchor's address (docs/proof-of-reserves.md): Skycoin has no data field, so a snapshot's anchor payload
 * ("SKYX" ‖ u64 snapshot ‖ roots) is committed by a minimal output to the version-0 address whose 20-byte hash is
 * the first 20 bytes of SHA-256("SKYX-anchor" ‖ payload). Nobody holds its key; anyone recomputes it. Pure: SHA-256
 * from Web Crypto, Skycoin's base58 (hash ‖ version ‖ first 4 bytes of SHA-256(hash ‖ version)).
 */

import { sha256 } from './por';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) throw new Error(`not lower-case hex: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let s = '';
  while (n > 0n) {
    s = ALPHABET[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) s = '1' + s;
  return s;
}

/** The Skycoin address that commits the anchor payload (hex), as the server derives it. */
export async function skyAnchorAddress(payloadHex: string): Promise<string> {
  const payload = fromHex(payloadHex);
  if (payload.length === 0) throw new Error('an anchor commits a non-empty payload');
  const domain = new TextEncoder().encode('SKYX-anchor');
  const data = new Uint8Array(domain.length + payload.length);
  data.set(domain);
  data.set(payload, domain.length);
  const raw = new Uint8Array(25);
  raw.set((await sha256(data)).slice(0, 20));
  raw[20] = 0;
  raw.set((await sha256(raw.slice(0, 21))).slice(0, 4), 21);
  return base58(raw);
}
