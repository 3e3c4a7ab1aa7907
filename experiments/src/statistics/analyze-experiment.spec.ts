import { analyzeExperiment, type AnalyzeExperimentInput } from './analyze-experiment';
import { bayesianEffectTest } from './bayesian-effect-test';
import { expectClose } from './expect-close';

const proportion = (key: string, n: number, conversions: number) => ({
  key,
  n,
  sum: conversions,
  sumSquares: conversions,
});

describe('analyzeExperiment', () => {
  it('reports gbstats TwoSidedTTest numbers for a treatment and nulls for the control', () => {
    // Inputs and expected lift, CI and p from gbstats packages/stats/tests/frequentist/test_tests.py,
    // TestTwoSidedTTest.test_two_sided_ttest; weights match the observed split so SRM does not fire.
    const input: AnalyzeExperimentInput = {
      metricType: 'mean',
      weights: [3407, 3461],
      variations: [
        { key: 'control', n: 3407, sum: 1396.87, sumSquares: 52377.9767 },
        { key: 'treatment', n: 3461, sum: 2422.7, sumSquares: 134698.29 },
      ],
    };
    const { variations, sampleRatioMismatch } = analyzeExperiment(input);
    expect(sampleRatioMismatch).toBe(false);
    expect(variations[0]).toMatchObject({
      key: 'control',
      n: 3407,
      relativeLift: null,
      pValue: null,
      chanceToWin: null,
      verdict: null,
    });
    expectClose(variations[0].mean, 1396.87 / 3407, 1e-12);
    const treatment = variations[1];
    expectClose(treatment.relativeLift!, 0.70732);
    expectClose(treatment.ciLow!, -0.03526);
    expectClose(treatment.ciHigh!, 1.44989);
    expectClose(treatment.pValue!, 0.06191);
    expect(treatment.adjustedPValue).toBe(treatment.pValue);
    const bayesian = bayesianEffectTest({
      control: input.variations[0],
      treatment: input.variations[1],
      metricType: 'mean',
    });
    expect(treatment.chanceToWin).toBe(bayesian.chanceToWin);
    expect(treatment.verdict).toBe('inconclusive');
  });

  it('withholds every verdict on a sample-ratio mismatch (gbstats test_srm split, p ≈ 2.0e-5)', () => {
    const analysis = analyzeExperiment({
      metricType: 'binomial',
      weights: [0.5, 0.5],
      variations: [proportion('control', 1000, 100), proportion('treatment', 1200, 300)],
    });
    expectClose(analysis.srmPValue, 0.000020079, 5e-10);
    expect(analysis.sampleRatioMismatch).toBe(true);
    expect(analysis.variations[1].pValue).toBeLessThan(1e-6); // a striking lift, still not a verdict
    expect(analysis.variations[1].verdict).toBe('withheld');
  });

  it.each<[string, AnalyzeExperimentInput['correction'], string[]]>([
    // Raw p-values ≈ 0.0001, 0.0309, 0.0411. Holm: 0.0003, 0.0617, 0.0617; BH: 0.0003, 0.0463, 0.0411.
    ['Holm–Bonferroni (default)', undefined, ['better', 'inconclusive', 'inconclusive']],
    ['Benjamini–Hochberg', 'benjamini-hochberg', ['better', 'better', 'better']],
    ['no correction', 'none', ['better', 'better', 'better']],
  ])('corrects for several arms with %s', (_label, correction, verdicts) => {
    const analysis = analyzeExperiment({
      metricType: 'binomial',
      weights: [1, 1, 1, 1],
      variations: [
        proportion('control', 2000, 200),
        proportion('strong', 2000, 280),
        proportion('middling', 2000, 248),
        proportion('weak', 2000, 245),
      ],
      correction,
    });
    expect(analysis.variations.slice(1).map((row) => row.verdict)).toEqual(verdicts);
  });

  it('calls a drop better when lower is better (reports), and flips chance to win', () => {
    const input: AnalyzeExperimentInput = {
      metricType: 'mean',
      direction: 'lower',
      weights: [0.5, 0.5],
      variations: [
        { key: 'control', n: 5000, sum: 500, sumSquares: 700 },
        { key: 'treatment', n: 5000, sum: 350, sumSquares: 480 },
      ],
    };
    const treatment = analyzeExperiment(input).variations[1];
    expect(treatment.relativeLift).toBeLessThan(0);
    expect(treatment.chanceToWin).toBeGreaterThan(0.99);
    expect(treatment.verdict).toBe('better');
  });

  it('uses always-valid intervals when a sequential tuning is given (gbstats test_sequential_test_runs_prop)', () => {
    const treatment = analyzeExperiment({
      metricType: 'binomial',
      weights: [3000, 3461],
      variations: [proportion('control', 3000, 1396), proportion('treatment', 3461, 2422)],
      sequentialTuning: 5000,
    }).variations[1];
    expectClose(treatment.ciLow!, 0.40098);
    expectClose(treatment.ciHigh!, 0.60675);
  });

  it('says no-data when a lift cannot be estimated', () => {
    const treatment = analyzeExperiment({
      metricType: 'binomial',
      weights: [0.5, 0.5],
      variations: [proportion('control', 100, 0), proportion('treatment', 100, 3)],
    }).variations[1];
    expect(treatment).toMatchObject({
      relativeLift: null,
      pValue: null,
      verdict: 'no-data',
      error: 'ZERO_NEGATIVE_VARIANCE',
    });
  });

  it('needs a control, a treatment and one weight each', () => {
    expect(() =>
      analyzeExperiment({
        metricType: 'mean',
        weights: [1],
        variations: [{ key: 'a', n: 1, sum: 1, sumSquares: 1 }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      analyzeExperiment({
        metricType: 'binomial',
        weights: [1],
        variations: [proportion('a', 10, 1), proportion('b', 10, 2)],
      }),
    ).toThrow(/one weight per variation/);
  });
});
