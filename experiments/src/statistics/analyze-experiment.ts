import type { MetricDirection, MetricType } from '../metric-catalogue';
import { bayesianEffectTest } from './bayesian-effect-test';
import type { EffectError } from './effect-moments';
import { adjustPValues, type PValueCorrection } from './multiple-testing';
import { hasSampleRatioMismatch, srmPValue } from './sample-ratio-mismatch';
import { sequentialTTest } from './sequential-t-test';
import { summaryMean, type VariationSummary } from './variation-summary';
import { welchTTest } from './welch-t-test';

/**
 * Peerlift experiment statistics — one metric, one control, any number of treatment arms.
 * A port of GrowthBook's stats engine (gbstats, packages/stats in growthbook/growthbook), checked
 * against its published unit tests to 1e-5 (see the *.spec.ts beside each file).
 *
 * Inputs per variation: n, Σx, Σx² (binomial: Σx = Σx² = conversions).
 *
 *   mean            x̄ = Σx / n
 *   variance        mean: s² = (Σx² − (Σx)²/n) / (n − 1);  binomial: p(1 − p)
 *   relative lift   Δ = (x̄_B − x̄_A) / x̄_A
 *   SE (delta)      SE² = s²_B/(n_B x̄_A²) + s²_A x̄_B²/(n_A x̄_A⁴)
 *   Welch df        ν = (s²_B/n_B + s²_A/n_A)² / (s⁴_B/(n_B²(n_B−1)) + s⁴_A/(n_A²(n_A−1)))
 *   p-value         2 · P(T_ν > |Δ/SE|);   CI = Δ ± t_{ν,1−α/2} · SE
 *   sequential      CI = Δ ± √(SE²N) · √(2(Nρ²+1) ln(√(Nρ²+1)/α) / (Nρ)²),
 *                   ρ² = (−2 ln α + ln(1 − 2 ln α)) / τ, τ = 5000;  p = min(1, 1/E-value)
 *   chance to win   P(effect > 0) under N(Δ, SE²) (flat prior); 1 − that when lower is better
 *   risk            E[max(0, −effect)] for the treatment (expected loss of shipping it)
 *   SRM             χ² = Σ (n_i − w_i N)² / (w_i N), df = k − 1; p < 0.001 withholds every verdict
 *   corrections     Holm–Bonferroni (default) or Benjamini–Hochberg across the treatment arms
 *
 * Verdict per treatment arm: `withheld` on sample-ratio mismatch; `no-data` when no lift can be
 * estimated (zero variance, zero control mean); else `better` / `worse` when the adjusted p-value is
 * below α (direction-aware), `inconclusive` otherwise.
 */

export interface NamedVariationSummary extends VariationSummary {
  readonly key: string;
}

export interface AnalyzeExperimentInput {
  readonly metricType: MetricType;
  /** Default `higher`. */
  readonly direction?: MetricDirection;
  /** Configured traffic weights, same order as `variations`; normalised for the SRM check. */
  readonly weights: readonly number[];
  /** First = control. */
  readonly variations: readonly NamedVariationSummary[];
  /** Default 0.05. */
  readonly alpha?: number;
  /** When set, intervals and p-values are always-valid (sequential) with this tuning, e.g. 5000. */
  readonly sequentialTuning?: number;
  /** Default `holm-bonferroni`; irrelevant with a single treatment arm. */
  readonly correction?: PValueCorrection;
  /**
   * When given, decides whether verdicts are withheld instead of this metric's own n. For a live
   * experiment the caller checks SRM once on exposures: a metric's n may legitimately differ from the
   * weights (only learners who answered have an accuracy).
   */
  readonly sampleRatioMismatch?: boolean;
}

export type Verdict = 'better' | 'worse' | 'inconclusive' | 'withheld' | 'no-data';

/** One row per variation; the comparison fields are null for the control. */
export interface VariationAnalysis {
  readonly key: string;
  readonly n: number;
  readonly mean: number;
  readonly relativeLift: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly pValue: number | null;
  readonly adjustedPValue: number | null;
  readonly chanceToWin: number | null;
  /** Expected relative loss if this arm is shipped and it is in fact worse. */
  readonly risk: number | null;
  readonly verdict: Verdict | null;
  readonly error: EffectError | null;
}

export interface ExperimentAnalysis {
  readonly srmPValue: number;
  readonly sampleRatioMismatch: boolean;
  readonly variations: readonly VariationAnalysis[];
}

export function analyzeExperiment(input: AnalyzeExperimentInput): ExperimentAnalysis {
  const [control, ...treatments] = input.variations;
  if (control === undefined || treatments.length === 0)
    throw new RangeError('needs a control and at least one treatment');
  if (input.weights.length !== input.variations.length)
    throw new RangeError('needs one weight per variation');
  const srm = srmPValue(
    input.variations.map((variation) => variation.n),
    input.weights,
  );
  const mismatch = input.sampleRatioMismatch ?? hasSampleRatioMismatch(srm);
  const comparisons = treatments.map((treatment) => compareWithControl(input, control, treatment));
  const adjusted = adjustPValues(
    comparisons.map((comparison) => comparison.pValue ?? 1),
    input.correction ?? 'holm-bonferroni',
  );
  const rows = comparisons.map((comparison, i) => withVerdict(input, comparison, adjusted[i], mismatch));
  return { srmPValue: srm, sampleRatioMismatch: mismatch, variations: [controlRow(control), ...rows] };
}

function compareWithControl(
  input: AnalyzeExperimentInput,
  control: NamedVariationSummary,
  treatment: NamedVariationSummary,
): VariationAnalysis {
  const comparison = { control, treatment, metricType: input.metricType, alpha: input.alpha };
  const frequentist =
    input.sequentialTuning === undefined
      ? welchTTest(comparison)
      : sequentialTTest({ ...comparison, tuning: input.sequentialTuning });
  const bayesian = bayesianEffectTest({ ...comparison, inverse: input.direction === 'lower' });
  const base = { key: treatment.key, n: treatment.n, mean: summaryMean(treatment) };
  if (frequentist.error)
    return { ...controlRow(treatment), ...base, verdict: 'no-data', error: frequentist.error };
  return {
    ...base,
    relativeLift: frequentist.expected,
    ciLow: frequentist.ci[0],
    ciHigh: frequentist.ci[1],
    pValue: frequentist.pValue,
    adjustedPValue: null,
    chanceToWin: bayesian.chanceToWin,
    risk: bayesian.risk[1],
    verdict: null,
    error: null,
  };
}

function withVerdict(
  input: AnalyzeExperimentInput,
  row: VariationAnalysis,
  adjustedPValue: number,
  mismatch: boolean,
): VariationAnalysis {
  if (row.error) return { ...row, verdict: mismatch ? 'withheld' : 'no-data' };
  const significant = adjustedPValue < (input.alpha ?? 0.05);
  const improves = (row.relativeLift ?? 0) * (input.direction === 'lower' ? -1 : 1) > 0;
  const verdict: Verdict = mismatch
    ? 'withheld'
    : !significant
      ? 'inconclusive'
      : improves
        ? 'better'
        : 'worse';
  return { ...row, adjustedPValue, verdict };
}

function controlRow(control: NamedVariationSummary): VariationAnalysis {
  return {
    key: control.key,
    n: control.n,
    mean: summaryMean(control),
    relativeLift: null,
    ciLow: null,
    ciHigh: null,
    pValue: null,
    adjustedPValue: null,
    chanceToWin: null,
    risk: null,
    verdict: null,
    error: null,
  };
}
