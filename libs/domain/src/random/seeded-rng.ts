/** A source of pseudo-random numbers, uniform in [0, 1). */
export type Rng = () => number;

const TWO_POW_32 = 4294967296;
// Bound once: inside Jest's vm sandbox each lookup of `Math` or `Number` is an interceptor call, which
// made drawing about 20× slower there. Plain Node is unaffected.
const { imul } = Math;
const isFiniteNumber = Number.isFinite;

/**
 * Creates a deterministic pseudo-random number generator: mulberry32 by Tommy Ettinger (2017, public domain,
 * reference C code at https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). It is a 32-bit
 * Weyl sequence (state += 0x6D2B79F5) scrambled by a MurmurHash3-style output mix; period 2^32.
 * Good enough for choosing exercises and shuffles; not for cryptography.
 *
 * @param seed any finite number; it is truncated to an integer and taken modulo 2^32, so `-1` and
 *   `4294967295` give the same sequence.
 * @returns a function whose successive calls return numbers in [0, 1) with 2^-32 resolution.
 * @throws RangeError when `seed` is NaN or infinite.
 */
export function createSeededRng(seed: number): Rng {
  if (!isFiniteNumber(seed)) {
    throw new RangeError(`Seed must be a finite number, got ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/**
 * Draws an integer uniformly from `min` to `max`, both inclusive, using one call of `rng`.
 * The bias from mapping 2^32 outputs onto the range is below range / 2^32 — negligible for the
 * small ranges used by exercise generators.
 *
 * @throws RangeError when the bounds are not safe integers or `min > max`.
 */
export function randomInt(rng: Rng, min: number, max: number): number {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new RangeError(`randomInt needs integer bounds with min <= max, got [${min}, ${max}]`);
  }
  return min + Math.floor(rng() * (max - min + 1));
}
