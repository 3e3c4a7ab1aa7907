import { formatExpectedAnswer } from './answer-formatting';
import type { ExpectedAnswer } from './expected-answer';

describe('formatExpectedAnswer', () => {
  it.each<[ExpectedAnswer, string]>([
    [{ kind: 'integer', value: 12 }, '12'],
    [{ kind: 'integer', value: -3 }, '−3'],
    [{ kind: 'integer', value: 0 }, '0'],
    [{ kind: 'quotient-remainder', quotient: 7, remainder: 3 }, '7 r 3'],
    [{ kind: 'fraction', numerator: 3, denominator: 4, form: 'any' }, '3/4'],
    [{ kind: 'fraction', numerator: -9, denominator: 8, form: 'any' }, '−9/8'],
    [{ kind: 'fraction', numerator: 2, denominator: 1, form: 'lowest-terms' }, '2'],
    [{ kind: 'fraction', numerator: 11, denominator: 4, form: 'mixed-number' }, '2 3/4'],
    [{ kind: 'fraction', numerator: -11, denominator: 4, form: 'mixed-number' }, '−2 3/4'],
    [{ kind: 'fraction', numerator: 3, denominator: 4, form: 'mixed-number' }, '3/4'],
    [{ kind: 'fraction', numerator: 11, denominator: 4, form: 'improper-fraction' }, '11/4'],
    [{ kind: 'decimal', numerator: 3, denominator: 8 }, '0.375'],
    [{ kind: 'decimal', numerator: 5, denominator: 1 }, '5'],
    [{ kind: 'decimal', numerator: -1, denominator: 20 }, '−0.05'],
    [{ kind: 'percent', numerator: 3, denominator: 8 }, '37.5%'],
    [{ kind: 'percent', numerator: 3, denominator: 2 }, '150%'],
    [{ kind: 'percent', numerator: 1, denominator: 100 }, '1%'],
    [{ kind: 'number', numerator: 3, denominator: 4 }, '0.75'],
    [{ kind: 'number', numerator: 20, denominator: 3 }, '20/3'],
    [{ kind: 'number', numerator: 20, denominator: 3, variable: 'x' }, 'x = 20/3'],
    [{ kind: 'number', numerator: -4, denominator: 1, variable: 'x' }, 'x = −4'],
    [{ kind: 'ratio', left: 2, right: 3 }, '2:3'],
  ])('shows %j as %p', (expected, text) => {
    expect(formatExpectedAnswer(expected)).toBe(text);
  });
});
