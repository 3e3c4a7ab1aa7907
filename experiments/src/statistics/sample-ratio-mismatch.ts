import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/**
 * Sample-ratio-mismatch check: does the observed split of units match the configured weights?
 * Pearson's chi-square goodness of fit, as gbstats `check_srm` (`utils.py`):
 *
 *   N = Σ users,  W = Σ weights,  E_i = w_i / W · N
 *   χ² = Σ_{i : w_i > 0} (users_i − E_i)² / E_i,   p = P(χ²_{k−1} > χ²),  k = number of variations
 *   (p = 1 when N = 0)
 *
 * A small p means assignment or exposure logging is broken (bots, redirects, a crashing arm), so
 * every lift is suspect: below SRM_P_VALUE_THRESHOLD the verdict is withheld.
 */

/** GrowthBook's default SRM threshold. */
export const SRM_P_VALUE_THRESHOLD = 0.001;

/** Chi-square p-value of the observed unit counts against the configured weights (same order). */
export function srmPValue(users: readonly number[], weights: readonly number[]): number {
  if (users.length !== weights.length) throw new RangeError('srmPValue needs one weight per variation');
  const total = users.reduce((sum, count) => sum + count, 0);
  if (total === 0) return 1;
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  let chiSquare = 0;
  users.forEach((observed, i) => {
    if (weights[i] <= 0) return;
    const expected = (weights[i] / totalWeight) * total;
    chiSquare += (observed - expected) ** 2 / expected;
  });
  return 1 - chisquareCdf(chiSquare, users.length - 1);
}

/** True when the split is too unlikely under the weights to trust any lift: p < 0.001. */
export function hasSampleRatioMismatch(pValue: number): boolean {
  return pValue < SRM_P_VALUE_THRESHOLD;
}
