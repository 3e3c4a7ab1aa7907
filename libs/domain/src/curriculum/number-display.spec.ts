import { fraction } from './fraction-arithmetic';
import {
  formatDecimal,
  formatFraction,
  formatInteger,
  formatMixedNumber,
  formatOperand,
  formatSuperscript,
} from './number-display';

describe('number display', () => {
  it.each([
    ['formatInteger(-7)', formatInteger(-7), '−7'],
    ['formatInteger(0)', formatInteger(0), '0'],
    ['formatOperand(-3)', formatOperand(-3), '(−3)'],
    ['formatOperand(3)', formatOperand(3), '3'],
    ['formatFraction(-6/8)', formatFraction(fraction(-6, 8)), '−3/4'],
    ['formatFraction(4/2)', formatFraction(fraction(4, 2)), '2'],
    ['formatMixedNumber(7/2)', formatMixedNumber(fraction(7, 2)), '3 1/2'],
    ['formatMixedNumber(-7/2)', formatMixedNumber(fraction(-7, 2)), '−3 1/2'],
    ['formatMixedNumber(3/4)', formatMixedNumber(fraction(3, 4)), '3/4'],
    ['formatMixedNumber(8/4)', formatMixedNumber(fraction(8, 4)), '2'],
    ['formatDecimal(3/8)', formatDecimal(fraction(3, 8)), '0.375'],
    ['formatDecimal(-5/2)', formatDecimal(fraction(-5, 2)), '−2.5'],
    ['formatDecimal(1/100)', formatDecimal(fraction(1, 100)), '0.01'],
    ['formatDecimal(1005/100)', formatDecimal(fraction(1005, 100)), '10.05'],
    ['formatDecimal(3)', formatDecimal(fraction(3)), '3'],
    ['formatDecimal(120/100)', formatDecimal(fraction(120, 100)), '1.2'],
    ['formatSuperscript(0)', formatSuperscript(0), '⁰'],
    ['formatSuperscript(12)', formatSuperscript(12), '¹²'],
  ])('%s = %p', (_label, text, expected) => {
    expect(text).toBe(expected);
  });

  it('refuses to write a repeating decimal', () => {
    expect(() => formatDecimal(fraction(1, 3))).toThrow(RangeError);
  });
});
