import { bayesianEffectTest, normalRisk, type BayesianOptions } from './bayesian-effect-test';
import { expectClose } from './expect-close';

const proportion = (n: number, conversions: number) => ({ n, sum: conversions, sumSquares: conversions });
const gaussianControl = { n: 10, sum: 100, sumSquares: 1002.25 };
const gaussianTreatment = { n: 10, sum: 105, sumSquares: 1111.5 };

// Reference: gbstats, growthbook/growthbook packages/stats/tests/bayesian/test_tests.py
// (EffectBayesianABTest; `standardDeviation` is their uplift.stddev; risk is [control, treatment]).
const CASES: {
  source: string;
  options: BayesianOptions;
  expected: number;
  ci: [number, number];
  standardDeviation: number;
  chanceToWin: number;
  risk: [number, number];
}[] = [
  {
    source: 'TestBinom.test_bayesian_binomial_ab_test',
    options: { control: proportion(100, 49), treatment: proportion(100, 51), metricType: 'binomial' },
    expected: 0.04082,
    ci: [-0.24779, 0.32943],
    standardDeviation: 0.14725,
    chanceToWin: 0.60918,
    risk: [0.0814, 0.04058],
  },
  {
    source: 'TestNorm.test_bayesian_gaussian_ab_test',
    options: { control: gaussianControl, treatment: gaussianTreatment, metricType: 'mean' },
    expected: 0.05,
    ci: [-0.02, 0.12],
    standardDeviation: 0.03572,
    chanceToWin: 0.91923,
    risk: [0.05131, 0.00131],
  },
  {
    source: 'TestNorm.test_bayesian_gaussian_ab_test_informative (prior N(0.1, 0.1))',
    options: {
      control: gaussianControl,
      treatment: gaussianTreatment,
      metricType: 'mean',
      prior: { mean: 0.1, variance: 0.1 },
    },
    expected: 0.05063,
    ci: [-0.01893, 0.12019],
    standardDeviation: 0.03549,
    chanceToWin: 0.92315,
    risk: [0.05186, 0.00123],
  },
];

describe('bayesianEffectTest (gbstats EffectBayesianABTest)', () => {
  it.each(CASES)('$source', ({ options, expected, ci, standardDeviation, chanceToWin, risk }) => {
    const result = bayesianEffectTest(options);
    expect(result.error).toBeNull();
    expectClose(result.expected, expected);
    expectClose(result.ci[0], ci[0]);
    expectClose(result.ci[1], ci[1]);
    expectClose(result.standardDeviation, standardDeviation);
    expectClose(result.chanceToWin, chanceToWin);
    expectClose(result.risk[0], risk[0]);
    expectClose(result.risk[1], risk[1]);
  });

  it.each([
    ['TestBinom.test_missing_data', proportion(0, 0), proportion(0, 0), 'binomial' as const],
    [
      'TestNorm.test_missing_data',
      { n: 0, sum: 0, sumSquares: 0 },
      { n: 0, sum: 0, sumSquares: 0 },
      'mean' as const,
    ],
  ])('%s: a coin flip with no lift', (_source, control, treatment, metricType) => {
    const result = bayesianEffectTest({ control, treatment, metricType });
    expect(result.chanceToWin).toBe(0.5);
    expect(result.expected).toBe(0);
  });

  it('flips chance to win and swaps the risks when lower is better (gbstats inverse)', () => {
    const higher = bayesianEffectTest(CASES[0].options);
    const lower = bayesianEffectTest({ ...CASES[0].options, inverse: true });
    expectClose(lower.chanceToWin, 1 - higher.chanceToWin, 1e-12);
    expect(lower.risk).toEqual([higher.risk[1], higher.risk[0]]);
  });

  it('computes risk as E[max(0, X)] and E[max(0, −X)], whose difference is the mean', () => {
    const [control, treatment] = normalRisk(0.3, 0.2);
    expectClose(control - treatment, 0.3, 1e-12);
    expect(normalRisk(0, 1)).toEqual([1 / Math.sqrt(2 * Math.PI), 1 / Math.sqrt(2 * Math.PI)]);
  });
});
