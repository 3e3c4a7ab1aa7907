import { expectClose } from './expect-close';
import type { VariationSummary } from './variation-summary';
import { welchTTest, type FrequentistOptions } from './welch-t-test';

const mean = (n: number, sum: number, sumSquares: number): VariationSummary => ({ n, sum, sumSquares });
const proportion = (n: number, conversions: number): VariationSummary => ({
  n,
  sum: conversions,
  sumSquares: conversions,
});
/** A summary rebuilt from (mean, standard deviation, n): Σx = x̄n, Σx² = s²(n − 1) + (Σx)²/n. */
const fromMoments = (m: number, sd: number, n: number): VariationSummary =>
  mean(n, m * n, sd * sd * (n - 1) + (m * n) ** 2 / n);

interface Case {
  source: string;
  options: FrequentistOptions;
  expected: number;
  ci: [number, number];
  standardError: number;
  pValue: number;
}

// Reference: GrowthBook gbstats, growthbook/growthbook packages/stats/tests/frequentist/test_tests.py
// (inputs SampleMeanStatistic(sum, sum_squares, n) / ProportionStatistic(sum, n); outputs rounded to 5 dp;
// `standardError` is their uplift.stddev), and packages/stats/tests/test_gbstats.py.
const CASES: Case[] = [
  {
    source: 'test_tests.py TestTwoSidedTTest.test_two_sided_ttest',
    options: {
      control: mean(3407, 1396.87, 52377.9767),
      treatment: mean(3461, 2422.7, 134698.29),
      metricType: 'mean',
    },
    expected: 0.70732,
    ci: [-0.03526, 1.44989],
    standardError: 0.37879,
    pValue: 0.06191,
  },
  {
    source: 'test_tests.py TestTwoSidedTTest.test_two_sided_ttest_absolute',
    options: {
      control: mean(3407, 1396.87, 52377.9767),
      treatment: mean(3461, 2422.7, 134698.29),
      metricType: 'mean',
      differenceType: 'absolute',
    },
    expected: 0.29,
    ci: [0.04538, 0.53462],
    standardError: 0.12478,
    pValue: 0.02016,
  },
  {
    source: 'test_tests.py TestTwoSidedTTest.test_two_sided_ttest_binom',
    options: { control: proportion(28, 14), treatment: proportion(30, 16), metricType: 'binomial' },
    expected: 0.06667,
    ci: [-0.47767, 0.61101],
    standardError: 0.2717,
    pValue: 0.80707,
  },
];

describe('welchTTest (gbstats TwoSidedTTest)', () => {
  it.each(CASES)('$source', ({ options, expected, ci, standardError, pValue }) => {
    const result = welchTTest(options);
    expect(result.error).toBeNull();
    expectClose(result.expected, expected);
    expectClose(result.ci[0], ci[0]);
    expectClose(result.ci[1], ci[1]);
    expectClose(result.standardError, standardError);
    expectClose(result.pValue, pValue);
  });

  it('test_gbstats.py TestAnalyzeMetricDfFrequentist.test_get_metric_df_frequentist, dimension "one"', () => {
    // Control "zero": mean 2.7, stddev 1.1, 100 users; variation "one": mean 2.5, stddev 1, 120 users.
    // Expected v1_expected = -0.074074074 and v1_p_value = 0.145219005 (rounded to 9 dp there).
    const result = welchTTest({
      control: fromMoments(2.7, 1.1, 100),
      treatment: fromMoments(2.5, 1, 120),
      metricType: 'mean',
    });
    expectClose(result.expected, -0.074074074, 1e-9);
    expectClose(result.pValue, 0.145219005, 1e-9);
  });

  it('test_tests.py TestTwoSidedTTest.test_two_sided_ttest_missing_variance: returns the default output', () => {
    // n = 2 with these sums gives a negative sample variance, so gbstats returns _default_output.
    const result = welchTTest({
      control: mean(2, 1396.87, 52377.9767),
      treatment: mean(3461, 2422.7, 134698.29),
      metricType: 'mean',
    });
    expect(result).toEqual({
      expected: 0,
      ci: [0, 0],
      standardError: 0,
      pValue: 1,
      error: 'ZERO_NEGATIVE_VARIANCE',
    });
  });

  // Error precedence as gbstats EffectMoments.compute_result: any variance <= 0 first (a relative effect
  // on a zero control mean has variance 0 there too), then a zero control mean.
  it.each<[string, FrequentistOptions, string]>([
    [
      'no conversions in control',
      { control: proportion(100, 0), treatment: proportion(100, 5), metricType: 'binomial' },
      'ZERO_NEGATIVE_VARIANCE',
    ],
    [
      'an empty arm',
      { control: proportion(0, 0), treatment: proportion(100, 5), metricType: 'binomial' },
      'ZERO_NEGATIVE_VARIANCE',
    ],
    [
      'a relative lift on a zero control mean',
      { control: mean(10, 0, 40), treatment: mean(10, 5, 40), metricType: 'mean' },
      'ZERO_NEGATIVE_VARIANCE',
    ],
    [
      'an absolute lift on a zero control mean',
      {
        control: mean(10, 0, 40),
        treatment: mean(10, 5, 40),
        metricType: 'mean',
        differenceType: 'absolute',
      },
      'BASELINE_ZERO',
    ],
  ])('refuses to estimate a lift with %s', (_label, options, error) => {
    expect(welchTTest(options).error).toBe(error);
  });

  it('keeps a tiny p-value instead of rounding it to 0', () => {
    const result = welchTTest({
      control: proportion(100000, 10000),
      treatment: proportion(100000, 12000),
      metricType: 'binomial',
    });
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-30);
  });
});
