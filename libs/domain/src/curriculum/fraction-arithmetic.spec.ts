import {
  addFractions,
  decimalPlaces,
  divideFractions,
  fraction,
  gcd,
  multiplyFractions,
  reducedProperFractions,
  subtractFractions,
  type Fraction,
} from './fraction-arithmetic';

const f = (numerator: number, denominator = 1): Fraction => ({ numerator, denominator });

describe('gcd', () => {
  it.each([
    [12, 18, 6],
    [-12, 18, 6],
    [7, 13, 1],
    [0, 5, 5],
    [0, 0, 0],
  ])('gcd(%d, %d) = %d', (a, b, divisor) => {
    expect(gcd(a, b)).toBe(divisor);
  });
});

describe('fraction', () => {
  it.each([
    [6, 8, f(3, 4)],
    [6, -8, f(-3, 4)],
    [-6, -8, f(3, 4)],
    [0, -5, f(0, 1)],
    [10, 5, f(2, 1)],
  ])('reduces %d/%d to %j', (numerator, denominator, reduced) => {
    expect(fraction(numerator, denominator)).toEqual(reduced);
  });

  it('has one zero: −0 becomes 0', () => {
    expect(Object.is(fraction(-0, 3).numerator, 0)).toBe(true);
    expect(Object.is(fraction(0, -3).numerator, 0)).toBe(true);
  });

  it.each([
    [1, 0],
    [1.5, 2],
    [2 ** 60, 1],
  ])('rejects %p/%p', (numerator, denominator) => {
    expect(() => fraction(numerator, denominator)).toThrow(RangeError);
  });
});

describe('operations', () => {
  it.each([
    ['1/3 + 1/4', addFractions(f(1, 3), f(1, 4)), f(7, 12)],
    ['1/2 + 1/2', addFractions(f(1, 2), f(1, 2)), f(1)],
    ['1/2 − 1/3', subtractFractions(f(1, 2), f(1, 3)), f(1, 6)],
    ['1/3 − 1/2', subtractFractions(f(1, 3), f(1, 2)), f(-1, 6)],
    ['2/3 × 3/5', multiplyFractions(f(2, 3), f(3, 5)), f(2, 5)],
    ['2/3 ÷ 4/5', divideFractions(f(2, 3), f(4, 5)), f(5, 6)],
    ['−1/2 ÷ −1/4', divideFractions(f(-1, 2), f(-1, 4)), f(2)],
  ])('%s = %j', (_label, result, expected) => {
    expect(result).toEqual(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideFractions(f(1, 2), f(0))).toThrow(RangeError);
  });
});

describe('decimalPlaces', () => {
  it.each([
    [f(3, 8), 3],
    [f(5), 0],
    [f(1, 20), 2],
    [f(7, 25), 2],
    [f(6, 30), 1],
    [f(1, 3), undefined],
    [f(1, 6), undefined],
  ])('%j needs %p decimal places', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});

describe('reducedProperFractions', () => {
  it('lists the fractions in lowest terms between 0 and 1, by denominator', () => {
    expect(reducedProperFractions([2, 3, 4])).toEqual([f(1, 2), f(1, 3), f(2, 3), f(1, 4), f(3, 4)]);
  });
});
