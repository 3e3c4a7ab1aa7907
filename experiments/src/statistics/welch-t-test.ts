import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { effectMoments, type Comparison, type EffectError } from './effect-moments';
import { summaryVariance } from './variation-summary';

/**
 * Two-sided Welch t-test on the (relative or absolute) effect, as gbstats `TwoSidedTTest`
 * (`frequentist/tests.py`):
 *
 *   t   = Δ / SE(Δ)                              (Δ, SE from `effectMoments`, delta method if relative)
 *   ν   = (s²_B/n_B + s²_A/n_A)² / ( s⁴_B/(n_B²(n_B−1)) + s⁴_A/(n_A²(n_A−1)) )   Welch–Satterthwaite
 *   p   = 2 · P(T_ν > |t|)
 *   CI  = Δ ± t_{ν, 1−α/2} · SE(Δ)
 *
 * ν uses the per-unit variances s² of the raw metric even for a relative effect, as gbstats does.
 */

export interface FrequentistResult {
  /** Δ: relative lift (0.05 = +5 %) or absolute difference. */
  readonly expected: number;
  readonly ci: readonly [number, number];
  readonly standardError: number;
  readonly pValue: number;
  /** Non-null when no effect could be estimated; the numbers are then gbstats' defaults (0, [0, 0], 1). */
  readonly error: EffectError | null;
}

export interface FrequentistOptions extends Comparison {
  /** Two-sided significance level; default 0.05 (95 % intervals). */
  readonly alpha?: number;
}

/** Welch–Satterthwaite degrees of freedom of the difference of two means. */
export function welchDegreesOfFreedom(comparison: Comparison): number {
  const { control, treatment, metricType } = comparison;
  const a = summaryVariance(control, metricType) / control.n;
  const b = summaryVariance(treatment, metricType) / treatment.n;
  return (a + b) ** 2 / (b ** 2 / (treatment.n - 1) + a ** 2 / (control.n - 1));
}

export function welchTTest(options: FrequentistOptions): FrequentistResult {
  const alpha = options.alpha ?? 0.05;
  const moments = effectMoments(options);
  if (moments.error) return defaultFrequentistResult(moments.error);
  const dof = welchDegreesOfFreedom(options);
  const t = moments.pointEstimate / moments.standardError;
  const halfWidth = tQuantile(1 - alpha / 2, dof) * moments.standardError;
  return {
    expected: moments.pointEstimate,
    ci: [moments.pointEstimate - halfWidth, moments.pointEstimate + halfWidth],
    standardError: moments.standardError,
    // 2·F(−|t|) equals gbstats' 2·(1 − F(|t|)) but keeps its digits in the far tail.
    pValue: Math.min(1, 2 * tCdf(-Math.abs(t), dof)),
    error: null,
  };
}

/** gbstats' uninformative result (`_default_output`): no lift, a zero-width interval, p = 1. */
export function defaultFrequentistResult(error: EffectError): FrequentistResult {
  return { expected: 0, ci: [0, 0], standardError: 0, pValue: 1, error };
}
