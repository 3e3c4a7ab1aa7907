/**
 * Finite, indexable sets of exercise parameters. A skill describes every exercise it can pose as a space;
 * a seed then picks one index through a keyed permutation (see `skill-definition.ts`). Spaces are built
 * from ranges, lists, products and unions, so their size is known exactly and indexing is O(1) (lists
 * apart, which are enumerated once when the module loads).
 */
export interface ExerciseSpace<T> {
  /** Number of distinct elements; a positive safe integer. */
  readonly size: number;
  /** The element at `index`, an integer in [0, size); distinct indices give distinct elements. */
  at(index: number): T;
}

/** The element type of a space. */
export type SpaceElement<S> = S extends ExerciseSpace<infer T> ? T : never;

/** The integers from `min` to `max`, both inclusive. */
export function integerRange(min: number, max: number): ExerciseSpace<number> {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new RangeError(`Empty or invalid range [${min}, ${max}]`);
  }
  return { size: max - min + 1, at: (index) => min + index };
}

/**
 * The given elements in order. Use for small spaces with constraints (a ≥ b, a + b ≤ 10): enumerate the
 * candidates and filter. The caller must not list an element twice.
 */
export function listSpace<T>(elements: readonly T[]): ExerciseSpace<T> {
  if (elements.length === 0) {
    throw new RangeError('A list space needs at least one element');
  }
  const frozen = [...elements];
  return { size: frozen.length, at: (index) => frozen[index] };
}

/**
 * Every combination of one element from each named space (a mixed-radix product): a record such as
 * `{ a: integerRange(1, 9), b: integerRange(1, 9) }` gives the 81 pairs `{ a, b }`.
 */
export function productSpace<R extends Record<string, ExerciseSpace<unknown>>>(
  spaces: R,
): ExerciseSpace<{ [K in keyof R]: SpaceElement<R[K]> }> {
  const entries = Object.entries(spaces);
  const size = entries.reduce((total, [, space]) => total * space.size, 1);
  assertSafeSize(size);
  return {
    size,
    at: (index) => {
      let rest = index;
      const element: Record<string, unknown> = {};
      for (const [name, space] of entries) {
        element[name] = space.at(rest % space.size);
        rest = Math.floor(rest / space.size);
      }
      return element as { [K in keyof R]: SpaceElement<R[K]> };
    },
  };
}

/** The spaces one after another; the caller keeps them disjoint (each usually tagged with a template). */
export function unionSpace<T>(...spaces: readonly ExerciseSpace<T>[]): ExerciseSpace<T> {
  const size = spaces.reduce((total, space) => total + space.size, 0);
  assertSafeSize(size);
  return {
    size,
    at: (index) => {
      let rest = index;
      for (const space of spaces) {
        if (rest < space.size) {
          return space.at(rest);
        }
        rest -= space.size;
      }
      throw new RangeError(`Index ${index} outside a space of size ${size}`);
    },
  };
}

/** The space with each element transformed by an injective function `f`. */
export function mapSpace<T, U>(space: ExerciseSpace<T>, f: (element: T) => U): ExerciseSpace<U> {
  return { size: space.size, at: (index) => f(space.at(index)) };
}

/** Enumerates a (small) space and keeps the elements that satisfy `keep`, as a list space. */
export function filterSpace<T>(space: ExerciseSpace<T>, keep: (element: T) => boolean): ExerciseSpace<T> {
  const kept: T[] = [];
  for (let index = 0; index < space.size; index += 1) {
    const element = space.at(index);
    if (keep(element)) {
      kept.push(element);
    }
  }
  return listSpace(kept);
}

function assertSafeSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 32) {
    throw new RangeError(`Exercise space size must be in [1, 2^32], got ${size}`);
  }
}
