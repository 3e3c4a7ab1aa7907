import { CURRICULUM } from '@peerlift/domain';
import { matchingShard } from './matching-shard';

describe('matchingShard', () => {
  it.each([1, 2, 4, 7, 64])('puts every skill in one of %i shards, the same one every time', (shards) => {
    for (const { slug } of CURRICULUM) {
      const shard = matchingShard(slug, shards);
      expect(Number.isInteger(shard)).toBe(true);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(shards);
      expect(matchingShard(slug, shards)).toBe(shard);
    }
  });

  it('spreads the curriculum over every shard of the default four', () => {
    const used = new Set(CURRICULUM.map((s) => matchingShard(s.slug, 4)));
    expect([...used].sort()).toEqual([0, 1, 2, 3]);
  });
});
