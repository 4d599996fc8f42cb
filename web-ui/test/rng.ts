/** Seeded PRNG for randomised tests (mulberry32). The seed comes from SKYX_SEED or the clock, and is printed. */
export interface SeededRandom {
  next: () => number;
  int: (max: number) => number;
  /** One of `items`, uniformly. */
  pick: <T>(items: readonly T[]) => T;
  seed: number;
}

export function seededRandom(label: string): SeededRandom {
  const fromEnv = process.env.SKYX_SEED;
  const seed = fromEnv !== undefined && fromEnv !== '' ? Number.parseInt(fromEnv, 10) >>> 0 : Date.now() >>> 0;
  console.log(`[${label}] seed=${seed} (rerun with SKYX_SEED=${seed} npm test)`);
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick, seed };
}
