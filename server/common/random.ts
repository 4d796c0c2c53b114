import crypto from 'node:crypto';

/**
 * A source of random whole numbers: an integer in [min, max), like crypto.randomInt.
 * The product draws from the operating system; tests pass a seeded source so the
 * fictional people they meet are the same on every run.
 */
export type RandomInt = (min: number, max: number) => number;

export const cryptoRandom: RandomInt = (min, max) => crypto.randomInt(min, max);

/** A deterministic source from a 32-bit seed (mulberry32), for tests and benchmarks. */
export function seededRandom(seed: number): RandomInt {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return (min, max) => min + Math.floor(next() * (max - min));
}
