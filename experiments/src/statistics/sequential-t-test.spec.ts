import { expectClose } from './expect-close';
import { sequentialTTest, type SequentialOptions } from './sequential-t-test';
import type { VariationSummary } from './variation-summary';
import { welchTTest } from './welch-t-test';

const control: VariationSummary = { n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
const treatment: VariationSummary = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };

// Reference: gbstats, growthbook/growthbook packages/stats/tests/frequentist/test_tests.py, class TestSequentialTTest.
const CASES: {
  source: string;
  options: SequentialOptions;
  expected: number;
  ci: [number, number];
  standardError: number;
  pValue: number;
}[] = [
  {
    source: 'TestSequentialTTest.test_sequential_test_runs (tuning 1000)',
    options: { control, treatment, metricType: 'mean', tuning: 1000 },
    expected: 0.50336,
    ci: [-0.55844, 1.56516],
    standardError: 0.33341,
    pValue: 1,
  },
  {
    source: 'TestSequentialTTest.test_sequential_test_runs_prop (default tuning 5000)',
    options: {
      control: { n: 3000, sum: 1396, sumSquares: 1396 },
      treatment: { n: 3461, sum: 2422, sumSquares: 2422 },
      metricType: 'binomial',
    },
    expected: 0.50386,
    ci: [0.40098, 0.60675],
    standardError: 0.03386,
    pValue: 0,
  },
];

describe('sequentialTTest (gbstats SequentialTwoSidedTTest)', () => {
  it.each(CASES)('$source', ({ options, expected, ci, standardError, pValue }) => {
    const result = sequentialTTest(options);
    expectClose(result.expected, expected);
    expectClose(result.ci[0], ci[0]);
    expectClose(result.ci[1], ci[1]);
    expectClose(result.standardError, standardError);
    expectClose(result.pValue, pValue);
  });

  it('TestSequentialTTest.test_sequential_test_tuning_as_expected: narrowest when tuning ≈ the sample size', () => {
    const interval = (tuning: number) =>
      sequentialTTest({ control, treatment, metricType: 'mean', tuning }).ci;
    const [below, near, above] = [interval(10), interval(6461), interval(10000)];
    expect(below[0] < above[0] && below[1] > above[1]).toBe(true);
    expect(below[0] < near[0] && below[1] > near[1]).toBe(true);
    expect(above[0] < near[0] && above[1] > near[1]).toBe(true);
  });

  it('is always wider than the fixed-horizon interval (the price of peeking)', () => {
    const fixed = welchTTest({ control, treatment, metricType: 'mean' }).ci;
    const sequential = sequentialTTest({ control, treatment, metricType: 'mean' }).ci;
    expect(sequential[0]).toBeLessThan(fixed[0]);
    expect(sequential[1]).toBeGreaterThan(fixed[1]);
  });

  it('rejects a non-positive tuning parameter', () => {
    expect(() => sequentialTTest({ control, treatment, metricType: 'mean', tuning: 0 })).toThrow(RangeError);
  });
});
