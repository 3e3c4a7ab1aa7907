import { seedFromString } from './string-seed';

describe('seedFromString', () => {
  // Test vectors of 32-bit FNV-1a from the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %p to the FNV-1a value %d', (text, hash) => {
    expect(seedFromString(text)).toBe(hash);
  });

  it('gives different seeds to different slugs', () => {
    expect(seedFromString('add-within-10')).not.toBe(seedFromString('add-within-20'));
  });

  it('returns an unsigned 32-bit integer', () => {
    const seed = seedFromString('equations-with-variables-on-both-sides');
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });
});
