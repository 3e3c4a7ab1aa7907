import { adjustPValues, benjaminiHochberg, holmBonferroni } from './multiple-testing';

// References: GrowthBook packages/shared/test/experiments.test.ts, describe "pvalue correction method"
// (adjustPValuesHolmBonferroni / adjustPValuesBenjaminiHochberg; their output is sorted with the input
// index attached, re-ordered here to input order), and the older packages/back-end/test/stats.test.ts
// "pvalue correction method" (correctPvalues).
const HOLM: [source: string, input: number[], expected: number[]][] = [
  [
    'experiments.test.ts "does HB procedure correctly"',
    [0.01, 0.04, 0.03, 0.005, 0.55, 0.6],
    [0.05, 0.12, 0.12, 0.03, 1, 1],
  ],
];
const BH: [source: string, input: number[], expected: number[]][] = [
  [
    'experiments.test.ts "does BH procedure correctly"',
    [0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138],
    [0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415],
  ],
  [
    'back-end stats.test.ts "does BH procedure correctly"',
    [0.01, 0.04, 0.03, 0.005],
    [0.02, 0.04, 0.04, 0.02],
  ],
];

const rounded = (values: number[]) => values.map((value) => Number(value.toFixed(8)));

describe('holmBonferroni', () => {
  it.each(HOLM)('%s', (_source, input, expected) => {
    expect(rounded(holmBonferroni(input))).toEqual(expected);
  });
});

describe('benjaminiHochberg', () => {
  it.each(BH)('%s', (_source, input, expected) => {
    expect(rounded(benjaminiHochberg(input))).toEqual(expected);
  });
});

describe('adjustPValues', () => {
  it('leaves p-values alone without a correction, and handles none at all', () => {
    expect(adjustPValues([0.2, 0.01], 'none')).toEqual([0.2, 0.01]);
    expect(adjustPValues([], 'holm-bonferroni')).toEqual([]);
    expect(adjustPValues([], 'benjamini-hochberg')).toEqual([]);
  });

  it('never lowers a p-value', () => {
    const input = [0.3, 0.001, 0.04, 0.2, 0.049];
    for (const correction of ['holm-bonferroni', 'benjamini-hochberg'] as const) {
      adjustPValues(input, correction).forEach((adjusted, i) =>
        expect(adjusted).toBeGreaterThanOrEqual(input[i]),
      );
    }
  });
});
