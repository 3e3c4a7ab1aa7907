import { expectClose } from './expect-close';
import { hasSampleRatioMismatch, srmPValue } from './sample-ratio-mismatch';

// References (9 decimals):
// - gbstats: growthbook/growthbook packages/stats/tests/test_gbstats.py, TestHelpers.test_srm (check_srm).
// - GrowthBook back-end: packages/back-end/test/stats.test.ts, "calculates SRM correctly" (checkSrm); only
//   the rows where every variation has users and weight, where its checkSrm and gbstats' check_srm agree.
const CASES: [source: string, users: number[], weights: number[], expected: number][] = [
  ['test_gbstats.py TestHelpers.test_srm', [1000, 1200], [0.5, 0.5], 0.000020079],
  ['stats.test.ts "Another 2-way test"', [135, 115], [0.5, 0.5], 0.205903211],
  ['stats.test.ts "Uneven weights"', [310, 98], [0.75, 0.25], 0.647434186],
  ['stats.test.ts "More than 2 variations"', [500, 500, 600], [0.34, 0.33, 0.33], 0.000592638],
  ['stats.test.ts "Completely equal"', [500, 500], [0.5, 0.5], 1],
];

describe('srmPValue (gbstats check_srm)', () => {
  it.each(CASES)('%s', (_source, users, weights, expected) => {
    expectClose(srmPValue(users, weights), expected, 5e-10);
  });

  it('is 1 with no units at all', () => {
    expect(srmPValue([0, 0], [0.5, 0.5])).toBe(1);
  });

  it('normalises weights that do not sum to 1', () => {
    expect(srmPValue([1000, 1200], [50, 50])).toBe(srmPValue([1000, 1200], [0.5, 0.5]));
  });

  it.each([
    [0.000020079, true],
    [0.000999, true],
    [0.001, false],
    [0.2, false],
  ])('p = %d is a mismatch: %s (threshold 0.001)', (p, mismatch) => {
    expect(hasSampleRatioMismatch(p)).toBe(mismatch);
  });
});
