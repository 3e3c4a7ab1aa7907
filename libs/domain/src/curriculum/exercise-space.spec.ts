import {
  filterSpace,
  integerRange,
  listSpace,
  mapSpace,
  productSpace,
  unionSpace,
  type ExerciseSpace,
} from './exercise-space';

function elements<T>(space: ExerciseSpace<T>): T[] {
  return Array.from({ length: space.size }, (_, index) => space.at(index));
}

describe('exercise spaces', () => {
  it('integerRange lists the integers in order, both ends included', () => {
    expect(elements(integerRange(-2, 2))).toEqual([-2, -1, 0, 1, 2]);
  });

  it('listSpace keeps the given order', () => {
    expect(elements(listSpace(['a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
  });

  it('productSpace gives every combination exactly once', () => {
    const space = productSpace({ a: integerRange(1, 3), b: listSpace(['x', 'y']) });
    const combos = elements(space).map(({ a, b }) => `${a}${b}`);
    expect(space.size).toBe(6);
    expect([...combos].sort()).toEqual(['1x', '1y', '2x', '2y', '3x', '3y']);
  });

  it('unionSpace concatenates', () => {
    expect(elements(unionSpace(integerRange(1, 2), integerRange(10, 11)))).toEqual([1, 2, 10, 11]);
  });

  it('mapSpace transforms each element', () => {
    expect(elements(mapSpace(integerRange(1, 3), (n) => n * n))).toEqual([1, 4, 9]);
  });

  it('filterSpace keeps matching elements in order', () => {
    expect(elements(filterSpace(integerRange(1, 10), (n) => n % 3 === 0))).toEqual([3, 6, 9]);
  });

  it.each([
    ['an empty range', () => integerRange(3, 2)],
    ['a fractional bound', () => integerRange(0, 2.5)],
    ['an empty list', () => listSpace([])],
    ['a filter that keeps nothing', () => filterSpace(integerRange(1, 3), () => false)],
    [
      'a product beyond 2^32',
      () => productSpace({ a: integerRange(1, 100_000), b: integerRange(1, 100_000) }),
    ],
  ])('rejects %s', (_label, build) => {
    expect(build).toThrow(RangeError);
  });
});
