/**
 * Exact rational numbers for exercise generators. Parts are safe integers (generators use small numbers);
 * a value is always kept in lowest terms with a positive denominator, so equal values are equal objects
 * field by field.
 */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Greatest common divisor of two integers by Euclid's algorithm; `gcd(0, 0) = 0`, result never negative. */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}

/**
 * Builds the fraction numerator/denominator in lowest terms with the sign on the numerator.
 *
 * @throws RangeError when a part is not a safe integer or the denominator is 0 — a generator bug.
 */
export function fraction(numerator: number, denominator = 1): Fraction {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`Not a fraction: ${numerator}/${denominator}`);
  }
  const divisor = gcd(numerator, denominator) * Math.sign(denominator);
  // `+ 0` turns -0 into 0 so that zero has one representation.
  return { numerator: numerator / divisor + 0, denominator: denominator / divisor };
}

/** a + b, exact. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** a − b, exact. */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

/** a × b, exact. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/**
 * a ÷ b, exact.
 *
 * @throws RangeError when b is 0.
 */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

/**
 * How many digits after the decimal point the value needs when written as a decimal, or `undefined`
 * when it never terminates (its lowest-terms denominator has a prime factor other than 2 and 5).
 * Example: 3/8 → 3 (0.375), 5/1 → 0, 1/3 → undefined.
 */
export function decimalPlaces(value: Fraction): number | undefined {
  let rest = fraction(value.numerator, value.denominator).denominator;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos += 1;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives += 1;
  }
  return rest === 1 ? Math.max(twos, fives) : undefined;
}

/**
 * Every fraction strictly between 0 and 1 in lowest terms with one of the given denominators, by
 * denominator then numerator: [2, 3] → 1/2, 1/3, 2/3.
 */
export function reducedProperFractions(denominators: readonly number[]): Fraction[] {
  return denominators.flatMap((denominator) =>
    Array.from({ length: denominator - 1 }, (_, index) => index + 1)
      .filter((numerator) => gcd(numerator, denominator) === 1)
      .map((numerator) => ({ numerator, denominator })),
  );
}
