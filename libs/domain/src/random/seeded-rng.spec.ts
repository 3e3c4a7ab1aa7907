import { createSeededRng, randomInt } from './seeded-rng';

/**
 * A transcription of Tommy Ettinger's reference C code for mulberry32 in BigInt arithmetic modulo 2^32,
 * independent of the `Math.imul`/`>>>` tricks the implementation relies on.
 */
function referenceMulberry32(seed: number, count: number): number[] {
  const mask = 0xffffffffn;
  let state = BigInt(seed >>> 0);
  const outputs: number[] = [];
  for (let i = 0; i < count; i += 1) {
    state = (state + 0x6d2b79f5n) & mask;
    let z = state;
    z = ((z ^ (z >> 15n)) * (z | 1n)) & mask;
    z = (z ^ ((z + (((z ^ (z >> 7n)) * (z | 61n)) & mask)) & mask)) & mask;
    outputs.push(Number(z ^ (z >> 14n)) / 2 ** 32);
  }
  return outputs;
}

function draw(seed: number, count: number): number[] {
  const rng = createSeededRng(seed);
  return Array.from({ length: count }, () => rng());
}

describe('createSeededRng', () => {
  it.each([0, 1, 42, 123456789, 2 ** 31, 2 ** 32 - 1])(
    'matches the mulberry32 reference for seed %d',
    (seed) => {
      expect(draw(seed, 50)).toEqual(referenceMulberry32(seed, 50));
    },
  );

  it('gives the same sequence for the same seed', () => {
    expect(draw(2024, 100)).toEqual(draw(2024, 100));
  });

  it.each([
    [-1, 2 ** 32 - 1],
    [2 ** 32 + 5, 5],
    [7.9, 7],
    [-0, 0],
  ])('treats seed %d as %d (truncated, modulo 2^32)', (seed, equivalent) => {
    expect(draw(seed, 10)).toEqual(draw(equivalent, 10));
  });

  it('gives different sequences for neighbouring seeds', () => {
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
  });

  it('stays in [0, 1) and spreads evenly over ten buckets (chi-square, df 9, p > 0.001)', () => {
    const rng = createSeededRng(7);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    let outOfRange = 0;
    for (let i = 0; i < draws; i += 1) {
      const value = rng();
      if (value >= 0 && value < 1) {
        buckets[Math.floor(value * 10)] += 1;
      } else {
        outOfRange += 1;
      }
    }
    expect(outOfRange).toBe(0);
    const expected = draws / 10;
    const chiSquare = buckets.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });

  it.each([NaN, Infinity, -Infinity])('rejects the seed %p', (seed) => {
    expect(() => createSeededRng(seed)).toThrow(RangeError);
  });
});

describe('randomInt', () => {
  it.each([
    [1, 6],
    [-3, 3],
    [0, 1],
    [10, 10],
  ])('draws every integer from %d to %d inclusive and nothing else', (min, max) => {
    const rng = createSeededRng(99);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      seen.add(randomInt(rng, min, max));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: max - min + 1 }, (_, i) => min + i));
  });

  it('is deterministic for a seeded generator', () => {
    const drawInts = () => {
      const rng = createSeededRng(5);
      return Array.from({ length: 20 }, () => randomInt(rng, 1, 100));
    };
    expect(drawInts()).toEqual(drawInts());
  });

  it.each([
    [5, 4],
    [0.5, 2],
    [0, NaN],
    [0, 2 ** 60],
  ])('rejects the bounds [%p, %p]', (min, max) => {
    expect(() => randomInt(createSeededRng(1), min, max)).toThrow(RangeError);
  });
});
