import { GrowthBookClient } from '@growthbook/growthbook';
import { fnv1a32, hashV2Bucket } from './hash-v2-bucket';

// Source of every row: GrowthBook's cross-SDK conformance suite, growthbook/growthbook
// packages/sdk-js/test/cases.json, section "hash", the rows with hashVersion 2
// (format [seed, value, hashVersion, expected]).
const CONFORMANCE_CASES: [seed: string, id: string, expected: number][] = [
  ['seed', 'a', 0.0505],
  ['seed', 'b', 0.2696],
  ['foo', 'ab', 0.2575],
  ['foo', 'def', 0.2019],
  ['89123klj', '8952klfjas09ujkasdf', 0.124],
  ['90850943850283058242805', '123', 0.7516],
  ['()**(%$##$%#$#', '___)((*":&', 0.0128],
];

describe('hashV2Bucket', () => {
  it.each(CONFORMANCE_CASES)('hashes seed %j and id %j to %d as in cases.json', (seed, id, expected) => {
    expect(hashV2Bucket(seed, id)).toBe(expected);
  });

  it('computes textbook 32-bit FNV-1a (offset basis for "", published vector for "a")', () => {
    // Source: FNV reference test vectors (Fowler/Noll/Vo, isthe.com/chongo/tech/comp/fnv): FNV-1a 32 of "a" = 0xe40c292c.
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });

  it('puts 5,000 ids in exactly the bucket the GrowthBook SDK 1.8 reports', () => {
    const client = new GrowthBookClient().initSync({ payload: { features: {} } });
    for (let i = 0; i < 5000; i++) {
      const id = `learner-${i.toString(36)}-${(i * 7919) % 1000}`;
      const seed = i % 2 === 0 ? 'points-per-correct-answer' : 'ns-copy.correctFeedback';
      const result = client.runInlineExperiment(
        { key: 'bucket-check', seed, hashVersion: 2, variations: [0, 1] },
        { attributes: { id } },
      );
      expect(result.bucket).toBe(hashV2Bucket(seed, id));
    }
    client.destroy();
  });
});
