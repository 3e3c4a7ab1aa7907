import type { MetricType } from '../metric-catalogue';

/**
 * Sufficient statistics of one metric in one variation: n units, Σx and Σx².
 * For a binomial metric x ∈ {0, 1}, so sum = conversions = sumSquares.
 */
export interface VariationSummary {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/** x̄ = Σx / n, and 0 when n = 0 (gbstats `SampleMeanStatistic.mean`, `ProportionStatistic.mean`). */
export function summaryMean(summary: VariationSummary): number {
  return summary.n === 0 ? 0 : summary.sum / summary.n;
}

/**
 * Per-unit variance, as gbstats `models/statistics.py` defines it:
 *
 * - mean:     s² = (Σx² − (Σx)² / n) / (n − 1), and 0 when n ≤ 1   (`SampleMeanStatistic.variance`)
 * - binomial: p(1 − p) with p = Σx / n — the n-denominator form         (`ProportionStatistic.variance`)
 *
 * May be ≤ 0 for impossible inputs (Σx² < (Σx)²/n); callers treat that as "no variance".
 */
export function summaryVariance(summary: VariationSummary, metricType: MetricType): number {
  if (metricType === 'binomial') {
    const p = summaryMean(summary);
    return p * (1 - p);
  }
  if (summary.n <= 1) return 0;
  return (summary.sumSquares - (summary.sum * summary.sum) / summary.n) / (summary.n - 1);
}
