/**
 * Adjusted p-values for many comparisons at once (goal metrics × treatment arms), as GrowthBook's
 * `adjustPValuesHolmBonferroni` / `adjustPValuesBenjaminiHochberg` (packages/shared/src/experiments.ts).
 * Results come back in the input order.
 *
 * Holm–Bonferroni (controls the family-wise error rate), p sorted ascending p_(1) ≤ … ≤ p_(m):
 *   p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j))
 *
 * Benjamini–Hochberg (controls the false discovery rate):
 *   p̃_(i) = min_{j ≥ i} min(1, m · p_(j) / j)
 */

export type PValueCorrection = 'holm-bonferroni' | 'benjamini-hochberg' | 'none';

/** Holm–Bonferroni adjusted p-values, in input order. */
export function holmBonferroni(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const ascending = indicesSortedBy(pValues, (a, b) => a - b);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  ascending.forEach((index, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = runningMax;
  });
  return adjusted;
}

/** Benjamini–Hochberg adjusted p-values, in input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const descending = indicesSortedBy(pValues, (a, b) => b - a);
  const adjusted = new Array<number>(m);
  let runningMin = 1;
  descending.forEach((index, position) => {
    const rank = m - position;
    runningMin = Math.min(runningMin, Math.min(1, (m * pValues[index]) / rank));
    adjusted[index] = runningMin;
  });
  return adjusted;
}

/** Applies `correction` (or none) to p-values, keeping their order. */
export function adjustPValues(pValues: readonly number[], correction: PValueCorrection): number[] {
  if (correction === 'holm-bonferroni') return holmBonferroni(pValues);
  if (correction === 'benjamini-hochberg') return benjaminiHochberg(pValues);
  return [...pValues];
}

function indicesSortedBy(values: readonly number[], compare: (a: number, b: number) => number): number[] {
  return values.map((_, index) => index).sort((a, b) => compare(values[a], values[b]) || a - b);
}
