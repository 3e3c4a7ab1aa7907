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

  it.each([2, 4])('spreads the curriculum over every one of %i shards', (shards) => {
    const used = new Set(CURRICULUM.map((s) => matchingShard(s.slug, shards)));
    expect(used.size).toBe(shards);
  });
});
