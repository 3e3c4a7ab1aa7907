import {
  decimalAnswer,
  fractionAnswer,
  integerAnswer,
  isWellFormedExpectedAnswer,
  numberAnswer,
  percentAnswer,
  quotientRemainderAnswer,
  ratioAnswer,
} from './expected-answer';
import { fraction } from './fraction-arithmetic';

describe('isWellFormedExpectedAnswer', () => {
  it.each([
    integerAnswer(-0),
    integerAnswer(42),
    quotientRemainderAnswer(7, 3),
    fractionAnswer({ numerator: 6, denominator: -8 }, 'any'),
    decimalAnswer(fraction(3, 8)),
    percentAnswer(fraction(1, 8)),
    numberAnswer(fraction(20, 3), 'x'),
    numberAnswer(fraction(0)),
    ratioAnswer(2, 3),
  ])('accepts %j and it survives a JSON round trip', (answer) => {
    expect(isWellFormedExpectedAnswer(answer)).toBe(true);
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
  });

  it.each([
    ['null', null],
    ['a string', 'integer'],
    ['an unknown kind', { kind: 'essay' }],
    ['a fractional integer', { kind: 'integer', value: 1.5 }],
    ['an unsafe integer', { kind: 'integer', value: 2 ** 60 }],
    ['an integer as text', { kind: 'integer', value: '7' }],
    ['a negative remainder', { kind: 'quotient-remainder', quotient: 7, remainder: -1 }],
    ['an unreduced fraction', { kind: 'fraction', numerator: 2, denominator: 4, form: 'any' }],
    ['a negative denominator', { kind: 'fraction', numerator: 1, denominator: -4, form: 'any' }],
    ['an unknown fraction form', { kind: 'fraction', numerator: 1, denominator: 4, form: 'decimal' }],
    ['a repeating decimal', { kind: 'decimal', numerator: 1, denominator: 3 }],
    ['a repeating percent', { kind: 'percent', numerator: 1, denominator: 3 }],
    ['a zero denominator', { kind: 'number', numerator: 0, denominator: 0 }],
    ['a long variable name', { kind: 'number', numerator: 1, denominator: 1, variable: 'xy' }],
    ['an unsimplified ratio', { kind: 'ratio', left: 4, right: 6 }],
    ['a ratio with a zero part', { kind: 'ratio', left: 0, right: 1 }],
  ])('rejects %s', (_label, value) => {
    expect(isWellFormedExpectedAnswer(value)).toBe(false);
  });
});

describe('answer constructors', () => {
  it('store values in lowest terms with the sign on the numerator', () => {
    expect(fractionAnswer({ numerator: 6, denominator: -8 }, 'lowest-terms')).toEqual({
      kind: 'fraction',
      numerator: -3,
      denominator: 4,
      form: 'lowest-terms',
    });
    expect(numberAnswer(fraction(10, 4), 'x')).toEqual({
      kind: 'number',
      numerator: 5,
      denominator: 2,
      variable: 'x',
    });
    expect(numberAnswer(fraction(10, 4))).not.toHaveProperty('variable');
  });

  it('turns −0 into 0 (toEqual tells them apart)', () => {
    expect(integerAnswer(-0)).toEqual({ kind: 'integer', value: 0 });
    expect(numberAnswer(fraction(-0, 5))).toEqual({ kind: 'number', numerator: 0, denominator: 1 });
  });
});
