import { permuteIndex } from './keyed-permutation';

function permutation(size: number, key: number): number[] {
  return Array.from({ length: size }, (_, index) => permuteIndex(index, size, key));
}

describe('permuteIndex', () => {
  it.each([1, 2, 3, 4, 5, 10, 36, 66, 100, 1000, 4097])('is a bijection on [0, %d)', (size) => {
    for (const key of [0, 1, 0xdeadbeef]) {
      const sorted = [...permutation(size, key)].sort((a, b) => a - b);
      expect(sorted).toEqual(Array.from({ length: size }, (_, index) => index));
    }
  });

  it('is deterministic', () => {
    expect(permutation(500, 12345)).toEqual(permutation(500, 12345));
  });

  it('gives different orders for different keys', () => {
    expect(permutation(500, 1)).not.toEqual(permutation(500, 2));
  });

  it('shuffles: the first ten positions are not ten neighbours in order', () => {
    const firstTen = permutation(1000, 7).slice(0, 10);
    const steps = firstTen.slice(1).map((position, index) => position - firstTen[index]);
    expect(steps.every((step) => step === 1)).toBe(false);
    expect(new Set(firstTen).size).toBe(10);
  });

  it.each([2 ** 32, 98_010_000, 2 ** 31 + 1])('stays inside a domain of size %d', (size) => {
    for (const index of [0, 1, 2, size - 2, size - 1]) {
      const position = permuteIndex(index, size, 42);
      expect(Number.isInteger(position) && position >= 0 && position < size).toBe(true);
    }
  });

  it.each([
    [0, 0],
    [0, 2 ** 32 + 1],
    [0, 1.5],
    [-1, 10],
    [10, 10],
    [0.5, 10],
    [NaN, 10],
  ])('rejects index %p for size %p', (index, size) => {
    expect(() => permuteIndex(index, size, 1)).toThrow(RangeError);
  });
});
