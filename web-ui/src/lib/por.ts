/**
 * Verifies a liabilities inclusion proof in the browser, exactly as the Java verifier does
 * (io.skyx.node.reserves.InclusionProof; docs/proof-of-reserves.md). Values are BigInt base units, never JS numbers;
 * every sum is checked against 2^128. Pure: SHA-256 comes from Web Crypto (crypto.subtle).
 */

export type ProofError =
  | 'MALFORMED'
  | 'NEGATIVE_VALUE'
  | 'VALUE_OUT_OF_RANGE'
  | 'OVERFLOW'
  | 'ROOT_MISMATCH'
  | 'TOTAL_MISMATCH'
  | 'WRONG_SNAPSHOT'
  | 'WRONG_ACCOUNT'
  | 'WRONG_BALANCE';

export interface ProofStep {
  side: 'left' | 'right';
  hash: string;
  value: string;
}

export interface InclusionProof {
  version: 1;
  asset: string;
  snapshot: number;
  root: { hash: string; total: string };
  leaf: { account: string; salt: string; value: string };
  path: ProofStep[];
}

export interface Expectation {
  asset: string;
  snapshot: number;
  account: string;
  /** The balance the user's account shows, in base units; omitted: not checked. */
  balance?: bigint;
  /** The root everyone was shown (public history or on-chain anchor). */
  publishedRoot: string;
  publishedTotal?: bigint;
}

export type Verdict = { ok: true; value: bigint; total: bigint } | { ok: false; error: ProofError; message: string };

const LIMIT = 1n << 128n;
const LEAF_LIMIT = (1n << 63n) - 1n;
const HEX64 = /^[0-9a-f]{64}$/;
const DIGITS = /^(0|[1-9][0-9]{0,38})$/;
const MAX_DEPTH = 40;

class Refused extends Error {
  constructor(readonly code: ProofError, message: string) {
    super(message);
  }
}

function value(text: unknown, what: string): bigint {
  if (typeof text !== 'string') throw new Refused('MALFORMED', `${what} must be a string`);
  if (text.startsWith('-')) throw new Refused('NEGATIVE_VALUE', `${what} is negative`);
  if (!DIGITS.test(text)) throw new Refused('MALFORMED', `${what} must be decimal digits`);
  const v = BigInt(text);
  if (v >= LIMIT) throw new Refused('VALUE_OUT_OF_RANGE', `${what} is 2^128 or more`);
  return v;
}

function add(a: bigint, b: bigint): bigint {
  const s = a + b;
  if (s >= LIMIT) throw new Refused('OVERFLOW', 'sum overflows 128 bits');
  return s;
}

function hex(text: unknown, what: string): Uint8Array {
  if (typeof text !== 'string' || !HEX64.test(text)) throw new Refused('MALFORMED', `${what} is 64 hex characters`);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function u128(v: bigint): Uint8Array {
  const out = new Uint8Array(16);
  let x = v;
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** SHA-256 by Web Crypto. */
export async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

function u64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n));
  return out;
}

async function leafHash(p: InclusionProof, v: bigint): Promise<Uint8Array> {
  const asset = ascii(p.asset);
  const account = ascii(p.leaf.account);
  return sha256(concat([ascii('SKYX-POR-LEAF-1'), Uint8Array.of(asset.length), asset, u64(p.snapshot),
    hex(p.leaf.salt, 'salt'), Uint8Array.of(account.length), account, u128(v)]));
}

function shape(p: unknown): InclusionProof {
  const o = p as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) throw new Refused('MALFORMED', 'proof must be an object');
  const keys = ['version', 'asset', 'snapshot', 'root', 'leaf', 'path'];
  if (Object.keys(o).some((k) => !keys.includes(k)) || keys.some((k) => !(k in o))) {
    throw new Refused('MALFORMED', 'proof fields must be exactly ' + keys.join(', '));
  }
  if (o.version !== 1) throw new Refused('MALFORMED', `unknown proof version ${String(o.version)}`);
  if (typeof o.asset !== 'string' || !/^[A-Z]{1,10}$/.test(o.asset)) throw new Refused('MALFORMED', 'bad asset');
  if (!Number.isSafeInteger(o.snapshot) || (o.snapshot as number) < 1) throw new Refused('MALFORMED', 'bad snapshot');
  const leaf = o.leaf as Record<string, unknown>;
  if (typeof leaf !== 'object' || leaf === null || typeof leaf.account !== 'string'
    || !/^[\x21-\x7e]{1,64}$/.test(leaf.account)) {
    throw new Refused('MALFORMED', 'bad leaf');
  }
  if (!Array.isArray(o.path) || o.path.length > MAX_DEPTH) throw new Refused('MALFORMED', 'bad path');
  for (const s of o.path as ProofStep[]) {
    if (typeof s !== 'object' || s === null || (s.side !== 'left' && s.side !== 'right')) {
      throw new Refused('MALFORMED', 'path step side must be left or right');
    }
  }
  return o as unknown as InclusionProof;
}

/** Verifies `proof` (the parsed proof file) against what the user expects and the published root. */
export async function verifyProof(proof: unknown, expect: Expectation): Promise<Verdict> {
  try {
    const p = shape(proof);
    if (p.asset !== expect.asset || p.snapshot !== expect.snapshot) {
      throw new Refused('WRONG_SNAPSHOT', `proof is for ${p.asset} snapshot ${p.snapshot}`);
    }
    if (p.leaf.account !== expect.account) throw new Refused('WRONG_ACCOUNT', `proof is for ${p.leaf.account}`);
    const leafValue = value(p.leaf.value, 'leaf value');
    if (leafValue > LEAF_LIMIT) throw new Refused('VALUE_OUT_OF_RANGE', 'a leaf holds at most 2^63-1 units');
    const total = value(p.root.total, 'root total');
    let hash = await leafHash(p, leafValue);
    let sum = leafValue;
    for (const s of p.path) {
      const sib = hex(s.hash, 'sibling hash');
      const sv = value(s.value, 'sibling value');
      hash = s.side === 'left'
        ? await sha256(concat([sib, u128(sv), hash, u128(sum)]))
        : await sha256(concat([hash, u128(sum), sib, u128(sv)]));
      sum = add(sum, sv);
    }
    hex(expect.publishedRoot, 'published root');
    const got = toHex(hash);
    if (got !== expect.publishedRoot || got !== p.root.hash) {
      throw new Refused('ROOT_MISMATCH', `path leads to ${got}, published root is ${expect.publishedRoot}`);
    }
    if (sum !== total || (expect.publishedTotal !== undefined && sum !== expect.publishedTotal)) {
      throw new Refused('TOTAL_MISMATCH', `path sums to ${sum}, published total is ${expect.publishedTotal ?? total}`);
    }
    if (expect.balance !== undefined && leafValue !== expect.balance) {
      throw new Refused('WRONG_BALANCE', `leaf holds ${leafValue}, account shows ${expect.balance}`);
    }
    return { ok: true, value: leafValue, total: sum };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.code, message: e.message };
    throw e;
  }
}
