/**
 * Test helper: the reference values from GrowthBook's suites are rounded to 5 decimals, so agreement
 * means |actual − expected| ≤ 1e-5 (half a unit of the last digit plus headroom).
 * Named *.ts (not *.spec.ts) so Jest does not run it as a suite; only specs import it.
 */
export const REFERENCE_TOLERANCE = 1e-5;

export function expectClose(actual: number, expected: number, tolerance = REFERENCE_TOLERANCE): void {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected}`);
  }
}
