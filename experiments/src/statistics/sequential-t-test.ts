import { effectMoments } from './effect-moments';
import { defaultFrequentistResult, type FrequentistOptions, type FrequentistResult } from './welch-t-test';

/**
 * Always-valid (sequential) two-sided test: a confidence sequence that stays valid however often the
 * results are looked at, as gbstats `SequentialTwoSidedTTest` (Waudby-Smith et al., "Time-uniform
 * central limit theory and asymptotic confidence sequences", arXiv:2103.06476v7, eq. 155 for p).
 *
 *   N   = n_A + n_B,   s² = SE(Δ)² · N,   τ = tuning parameter (gbstats default 5000)
 *   ρ²  = (−2 ln α + ln(−2 ln α + 1)) / τ
 *   CI  = Δ ± √s² · √( 2 (Nρ² + 1) ln(√(Nρ² + 1) / α) / (Nρ)² )
 *   E   = exp( ρ² · N Δ² / SE² / (2 (Nρ² + 1)) ) / √(Nρ² + 1),   p = min(1, 1/E)
 *
 * Intervals are widest far from N ≈ τ and narrowest near it: set τ to the expected total sample.
 */

export const DEFAULT_SEQUENTIAL_TUNING = 5000;

export interface SequentialOptions extends FrequentistOptions {
  readonly tuning?: number;
}

/** ρ of the normal mixture that defines the confidence sequence. */
export function sequentialRho(alpha: number, tuning: number): number {
  const minusTwoLogAlpha = -2 * Math.log(alpha);
  return Math.sqrt((minusTwoLogAlpha + Math.log(minusTwoLogAlpha + 1)) / tuning);
}

export function sequentialTTest(options: SequentialOptions): FrequentistResult {
  const alpha = options.alpha ?? 0.05;
  const tuning = options.tuning ?? DEFAULT_SEQUENTIAL_TUNING;
  if (!(tuning > 0)) throw new RangeError('sequential tuning must be positive');
  const moments = effectMoments(options);
  if (moments.error) return defaultFrequentistResult(moments.error);
  const { pointEstimate, standardError } = moments;
  const n = options.control.n + options.treatment.n;
  const rho = sequentialRho(alpha, tuning);
  const nRho2Plus1 = n * rho ** 2 + 1;
  const s2 = standardError ** 2 * n;
  const halfWidth =
    Math.sqrt(s2) * Math.sqrt((2 * nRho2Plus1 * Math.log(Math.sqrt(nRho2Plus1) / alpha)) / (n * rho) ** 2);
  const st2 = (pointEstimate ** 2 * n) / standardError ** 2;
  const logEvidence = (rho ** 2 * st2) / (2 * nRho2Plus1) - 0.5 * Math.log(nRho2Plus1);
  return {
    expected: pointEstimate,
    ci: [pointEstimate - halfWidth, pointEstimate + halfWidth],
    standardError,
    pValue: Math.min(1, Math.exp(-logEvidence)),
    error: null,
  };
}
