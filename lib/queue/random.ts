import { randomBytes } from "node:crypto";

/** A source of uniformly random numbers in [0, 1). */
export type Random = () => number;

/** Production draws: 48 random bits from the OS's CSPRNG, so nobody can predict a lobby place. */
export const secureRandom: Random = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;

/** A reproducible generator (mulberry32) for tests that need the same draws every run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
