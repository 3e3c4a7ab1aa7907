import fc from 'fast-check';
import {
  CostMatrix,
  MatrixAssignment,
  forbiddenCostFor,
  greedyAssignment,
  minCostAssignment,
} from './min-cost-assignment';

const _ = null; // a forbidden pair
const pairs = (cells: MatrixAssignment[]) => cells.map(({ row, col }) => [row, col]);
const total = (cells: MatrixAssignment[]) => cells.reduce((sum, c) => sum + c.cost, 0);

describe('minCostAssignment', () => {
  it.each<[string, CostMatrix, number[][], number[][]]>([
    // [case, costs, optimal pairs, first-come greedy pairs]
    [
      'optimal beats first-come',
      [
        [1, 2],
        [2, 100],
      ],
      [
        [0, 1],
        [1, 0],
      ],
      [
        [0, 0],
        [1, 1],
      ],
    ],
    [
      'more pairs beat a cheap first pick',
      [
        [1, 2],
        [3, _],
      ],
      [
        [0, 1],
        [1, 0],
      ],
      [[0, 0]],
    ],
    [
      'the last in line needs the first pick',
      [
        [1, 2, 3],
        [1, 2, 100],
        [1, 100, 100],
      ],
      [
        [0, 2],
        [1, 1],
        [2, 0],
      ],
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    ],
    ['more requests than tutors', [[5], [1], [3]], [[1, 0]], [[0, 0]]],
    ['more tutors than requests', [[3, 1, 2]], [[0, 1]], [[0, 1]]],
    [
      'negative costs',
      [
        [-10, -1],
        [-9, -8],
      ],
      [
        [0, 0],
        [1, 1],
      ],
      [
        [0, 0],
        [1, 1],
      ],
    ],
    [
      'a row with nothing allowed',
      [
        [_, _],
        [4, 2],
      ],
      [[1, 1]],
      [[1, 1]],
    ],
    [
      'everything forbidden',
      [
        [_, _],
        [_, _],
      ],
      [],
      [],
    ],
    ['no rows', [], [], []],
    ['no columns', [[], []], [], []],
  ])('%s', (_case, costs, optimal, greedy) => {
    expect(pairs(minCostAssignment(costs))).toEqual(optimal);
    expect(pairs(greedyAssignment(costs))).toEqual(greedy);
  });

  it('reports each pair with its cost from the matrix', () => {
    expect(
      minCostAssignment([
        [1, 2],
        [2, 100],
      ]),
    ).toEqual([
      { row: 0, col: 1, cost: 2 },
      { row: 1, col: 0, cost: 2 },
    ]);
  });

  it.each<[string, CostMatrix]>([
    ['ragged rows', [[1, 2], [3]]],
    ['NaN', [[1, Number.NaN]]],
    ['Infinity', [[1, Infinity]]],
  ])('rejects %s', (_case, costs) => {
    expect(() => minCostAssignment(costs)).toThrow(RangeError);
    expect(() => greedyAssignment(costs)).toThrow(RangeError);
  });

  it.each<[CostMatrix, number]>([
    [
      [
        [1, 2],
        [3, _],
      ],
      3 + 2 * 2 + 1,
    ],
    [
      [
        [-5, _],
        [_, 5],
      ],
      5 + 2 * 10 + 1,
    ],
    [[[_]], 1],
  ])('forbidden stand-in for %j is %p', (costs, forbidden) => {
    expect(forbiddenCostFor(costs)).toBe(forbidden);
  });
});

/** Every assignment, by brute force: the most allowed pairs, then the least total cost. */
function bruteForceBest(costs: CostMatrix): { size: number; total: number } {
  let best = { size: 0, total: 0 };
  const visit = (row: number, used: Set<number>, size: number, sum: number): void => {
    if (row === costs.length) {
      if (size > best.size || (size === best.size && sum < best.total)) best = { size, total: sum };
      return;
    }
    visit(row + 1, used, size, sum);
    costs[row].forEach((cost, col) => {
      if (cost === null || used.has(col)) return;
      used.add(col);
      visit(row + 1, used, size + 1, sum + cost);
      used.delete(col);
    });
  };
  visit(0, new Set(), 0, 0);
  return best;
}

const matrix = (maxSide: number, cell: fc.Arbitrary<number>) =>
  fc.tuple(fc.integer({ min: 0, max: maxSide }), fc.integer({ min: 0, max: maxSide })).chain(([rows, cols]) =>
    fc.array(fc.array(fc.option(cell, { freq: 3 }), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('minCostAssignment properties', () => {
  const integerMatrix = matrix(7, fc.integer({ min: -100, max: 100 }));
  const realMatrix = matrix(7, fc.double({ min: -1e4, max: 1e4, noNaN: true }));

  it('uses no row twice, no column twice and no forbidden pair, with the matrix costs', () => {
    fc.assert(
      fc.property(realMatrix, (costs) => {
        const cells = minCostAssignment(costs);
        expect(new Set(cells.map((c) => c.row)).size).toBe(cells.length);
        expect(new Set(cells.map((c) => c.col)).size).toBe(cells.length);
        for (const { row, col, cost } of cells) expect(costs[row][col]).toBe(cost);
      }),
    );
  });

  it('never does worse than first-come greedy: at least as many pairs, and no greater total for as many', () => {
    fc.assert(
      fc.property(realMatrix, (costs) => {
        const optimal = minCostAssignment(costs);
        const greedy = greedyAssignment(costs);
        expect(optimal.length).toBeGreaterThanOrEqual(greedy.length);
        if (optimal.length === greedy.length)
          expect(total(optimal)).toBeLessThanOrEqual(total(greedy) + 1e-6);
      }),
    );
  });

  it('matches a brute-force search on small matrices', () => {
    fc.assert(
      fc.property(matrix(5, fc.integer({ min: -100, max: 100 })), (costs) => {
        const cells = minCostAssignment(costs);
        expect({ size: cells.length, total: total(cells) }).toEqual(bruteForceBest(costs));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the greedy fast path when there is a single row', () => {
    fc.assert(
      fc.property(integerMatrix, (costs) => {
        const row = costs.slice(0, 1);
        const optimal = minCostAssignment(row);
        const greedy = greedyAssignment(row);
        expect(optimal.map((c) => c.cost)).toEqual(greedy.map((c) => c.cost));
      }),
    );
  });
});
