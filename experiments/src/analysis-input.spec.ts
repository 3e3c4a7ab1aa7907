import { analysisReport, parseAnalysisInput } from './analysis-input';
import { expectClose } from './statistics/expect-close';

const valid = {
  metric: { type: 'binomial' },
  weights: [0.5, 0.5],
  variations: [
    { key: 'ask-for-help', n: 100, sum: 49, sumSquares: 49 },
    { key: 'invite-peer', n: 100, sum: 51 },
  ],
};

describe('parseAnalysisInput', () => {
  it('accepts a well-formed file and defaults binomial sumSquares to sum', () => {
    const parsed = parseAnalysisInput(valid);
    expect(parsed.ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 42, /expected object/i],
    ['an unknown metric type', { ...valid, metric: { type: 'ratio' } }, /metric\.type/],
    ['a single variation', { ...valid, weights: [1], variations: [valid.variations[0]] }, /variations/],
    ['a weight per variation missing', { ...valid, weights: [1, 1, 1] }, /one weight per variation/],
    ['a zero weight', { ...valid, weights: [1, 0] }, /weights/],
    [
      'a negative n',
      { ...valid, variations: [{ ...valid.variations[0], n: -1 }, valid.variations[1]] },
      /variations\[0\]\.n/,
    ],
    [
      'a fractional n',
      { ...valid, variations: [{ ...valid.variations[0], n: 1.5 }, valid.variations[1]] },
      /variations\[0\]\.n/,
    ],
    ['repeated keys', { ...valid, variations: [valid.variations[0], valid.variations[0]] }, /unique/],
    [
      'more conversions than units',
      { ...valid, variations: [valid.variations[0], { key: 'b', n: 10, sum: 11 }] },
      /from 0 to n/,
    ],
    [
      'binomial sumSquares that differ from sum',
      { ...valid, variations: [valid.variations[0], { key: 'b', n: 10, sum: 3, sumSquares: 4 }] },
      /must equal sum/,
    ],
    [
      'a mean metric without sumSquares',
      {
        ...valid,
        metric: { type: 'mean' },
        variations: [
          { key: 'a', n: 10, sum: 3, sumSquares: 9 },
          { key: 'b', n: 10, sum: 3 },
        ],
      },
      /need sumSquares/,
    ],
    [
      'impossible mean sums',
      {
        ...valid,
        metric: { type: 'mean' },
        variations: [
          { key: 'a', n: 10, sum: 30, sumSquares: 9 },
          { key: 'b', n: 10, sum: 3, sumSquares: 9 },
        ],
      },
      /smaller than sum²\/n/,
    ],
    [
      'a misspelt field',
      { ...valid, variations: [{ ...valid.variations[0], sumSquare: 49 }, valid.variations[1]] },
      /sumSquare/,
    ],
    ['alpha of 1', { ...valid, alpha: 1 }, /alpha/],
  ])('rejects %s with a message naming the problem', (_label, json, message) => {
    const parsed = parseAnalysisInput(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('analysisReport', () => {
  it('gives the control null lifts and the treatment gbstats-agreeing numbers', () => {
    const parsed = parseAnalysisInput(valid);
    if (!parsed.ok) throw new Error(parsed.error);
    const report = analysisReport(parsed.input);
    expect(report.srmPValue).toBe(1);
    expect(report.sampleRatioMismatch).toBe(false);
    expect(report.variations[0]).toEqual({
      key: 'ask-for-help',
      n: 100,
      mean: 0.49,
      relativeLift: null,
      ciLow: null,
      ciHigh: null,
      pValue: null,
      adjustedPValue: null,
      chanceToWin: null,
      verdict: null,
    });
    const treatment = report.variations[1];
    // Chance to win: gbstats packages/stats/tests/bayesian/test_tests.py TestBinom.test_bayesian_binomial_ab_test
    // (same ProportionStatistic(49, 100) vs (51, 100)).
    expectClose(treatment.chanceToWin!, 0.60918);
    expectClose(treatment.relativeLift!, 0.04082);
    expect(treatment.verdict).toBe('inconclusive');
  });
});
