import type { MetricType } from '../metric-catalogue';
import { summaryMean, summaryVariance, type VariationSummary } from './variation-summary';

/**
 * Point estimate and standard error of a treatment's effect against the control, shared by the
 * frequentist and Bayesian tests (gbstats `models/tests.py` `EffectMoments`, `utils.py`).
 *
 *   absolute:  Δ = x̄_B − x̄_A                 Var(Δ) = s²_B/n_B + s²_A/n_A
 *   relative:  Δ = (x̄_B − x̄_A) / x̄_A        Var(Δ) = s²_B/(n_B x̄_A²) + s²_A x̄_B²/(n_A x̄_A⁴)
 *
 * The relative variance is the delta method for the ratio x̄_B / x̄_A with independent arms
 * (gbstats `variance_of_ratios(mean_b, var_b/n_b, mean_a, var_a/n_a, 0)`).
 */

export type DifferenceType = 'relative' | 'absolute';

/** One treatment compared with the control on one metric. */
export interface Comparison {
  readonly control: VariationSummary;
  readonly treatment: VariationSummary;
  readonly metricType: MetricType;
  /** Default `relative`: lifts are fractions of the control mean (0.05 = +5 %). */
  readonly differenceType?: DifferenceType;
}

/** Why no effect can be estimated; the tests then return gbstats' uninformative default result. */
export type EffectError = 'ZERO_NEGATIVE_VARIANCE' | 'BASELINE_ZERO';

export interface EffectMoments {
  readonly pointEstimate: number;
  readonly standardError: number;
  readonly error: EffectError | null;
}

/**
 * Errors, in gbstats' order: any variance ≤ 0 (either arm or the effect's) → ZERO_NEGATIVE_VARIANCE;
 * control mean 0 → BASELINE_ZERO (a relative lift is undefined, and gbstats refuses both types).
 */
export function effectMoments(comparison: Comparison): EffectMoments {
  const { control, treatment, metricType } = comparison;
  const relative = (comparison.differenceType ?? 'relative') === 'relative';
  const meanA = summaryMean(control);
  const meanB = summaryMean(treatment);
  const varA = summaryVariance(control, metricType);
  const varB = summaryVariance(treatment, metricType);
  const variance = relative
    ? relativeVariance({ meanA, meanB, varA, varB, nA: control.n, nB: treatment.n })
    : varB / treatment.n + varA / control.n;
  if (!(varA > 0) || !(varB > 0) || !(variance > 0)) return noEffect('ZERO_NEGATIVE_VARIANCE');
  if (meanA === 0) return noEffect('BASELINE_ZERO');
  const pointEstimate = relative ? (meanB - meanA) / meanA : meanB - meanA;
  return { pointEstimate, standardError: Math.sqrt(variance), error: null };
}

/** Delta-method Var((x̄_B − x̄_A)/x̄_A); 0 when x̄_A = 0, as gbstats `variance_of_ratios`. */
function relativeVariance(m: {
  meanA: number;
  meanB: number;
  varA: number;
  varB: number;
  nA: number;
  nB: number;
}): number {
  if (m.meanA === 0) return 0;
  return m.varB / m.nB / m.meanA ** 2 + ((m.varA / m.nA) * m.meanB ** 2) / m.meanA ** 4;
}

function noEffect(error: EffectError): EffectMoments {
  return { pointEstimate: 0, standardError: 0, error };
}
