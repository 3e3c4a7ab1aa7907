/**
 * Solving the assignment problem behind matching: rows (requests) × columns (tutors), some pairs forbidden.
 *
 * Dispatch systems batch requests and solve a bipartite assignment instead of serving first-come greedily
 * (FIELD-NOTES, "Dispatch systems"). We use the Munkres (Hungarian) algorithm from the `munkres` package,
 * which takes rectangular matrices. It knows nothing of forbidden pairs, so they get a large finite cost F
 * and are dropped after solving (FIELD-NOTES, "munkres"). F is derived from the batch rather than fixed:
 * with real costs in [min, max] and at most m = min(rows, cols) pairs, any F > max + m × (max − min) makes
 * one more real pair always worth more than any saving in cost, so the result is a maximum-size matching of
 * allowed pairs and, among those, one of least total cost. A fixed F could lose to a wide batch, or swamp
 * the costs' precision.
 */
import { munkres } from 'munkres';

/** Costs with rows = requests in line order (oldest first), columns = tutors; `null` = forbidden pair. */
export type CostMatrix = ReadonlyArray<ReadonlyArray<number | null>>;

/** One assigned cell of a {@link CostMatrix}. */
export interface MatrixAssignment {
  row: number;
  col: number;
  cost: number;
}

/** Checks the matrix is rectangular with finite costs; returns its allowed cost range (null if none). */
function allowedCostRange(costs: CostMatrix): { min: number; max: number } | null {
  const cols = costs.length > 0 ? costs[0].length : 0;
  let min = Infinity;
  let max = -Infinity;
  for (const row of costs) {
    if (row.length !== cols) throw new RangeError('cost matrix rows must all have the same length');
    for (const cost of row) {
      if (cost === null) continue;
      if (!Number.isFinite(cost)) throw new RangeError(`costs must be finite numbers or null, got ${cost}`);
      min = Math.min(min, cost);
      max = Math.max(max, cost);
    }
  }
  return min <= max ? { min, max } : null;
}

/** The stand-in cost for forbidden pairs in this matrix (see the file header). */
export function forbiddenCostFor(costs: CostMatrix): number {
  const range = allowedCostRange(costs);
  if (!range) return 1;
  const pairs = Math.min(costs.length, costs[0].length);
  return range.max + pairs * (range.max - range.min) + 1;
}

/**
 * The assignment with the most allowed pairs and, among those, the least total cost (Munkres). Each row and
 * each column is used at most once; forbidden pairs never appear. Sorted by row.
 *
 * @throws RangeError when the matrix is ragged or holds a non-finite cost.
 */
export function minCostAssignment(costs: CostMatrix): MatrixAssignment[] {
  const forbidden = forbiddenCostFor(costs);
  const matrix = costs.map((row) => row.map((cost) => cost ?? forbidden));
  return munkres(matrix)
    .filter(([row, col]) => costs[row][col] !== null)
    .map(([row, col]) => ({ row, col, cost: costs[row][col] as number }))
    .sort((a, b) => a.row - b.row);
}

/**
 * First come, first served: each row in order takes its cheapest free allowed column (lowest index on ties).
 * The single-request fast path, and the baseline the optimal assignment is tested against.
 *
 * @throws RangeError when the matrix is ragged or holds a non-finite cost.
 */
export function greedyAssignment(costs: CostMatrix): MatrixAssignment[] {
  allowedCostRange(costs);
  const taken = new Set<number>();
  const assigned: MatrixAssignment[] = [];
  for (let row = 0; row < costs.length; row += 1) {
    let best: MatrixAssignment | null = null;
    for (let col = 0; col < costs[row].length; col += 1) {
      const cost = costs[row][col];
      if (cost === null || taken.has(col)) continue;
      if (best === null || cost < best.cost) best = { row, col, cost };
    }
    if (best === null) continue;
    taken.add(best.col);
    assigned.push(best);
  }
  return assigned;
}
