import type { ExpectedAnswer } from './expected-answer';
import { decimalPlaces, fraction } from './fraction-arithmetic';
import { formatDecimal, formatFraction, formatInteger, formatMixedNumber } from './number-display';

/**
 * The canonical text of an expected answer, shown to a learner after a wrong answer; the checker always
 * accepts it. Numbers use the true minus sign "−" (see `number-display.ts`).
 * - integer: "12", "−3"; quotient-remainder: "7 r 3";
 * - fraction: lowest terms "3/4" (a whole number as "2"), or "2 3/4" for the `mixed-number` form;
 * - decimal: "0.375"; percent: "37.5%"; ratio: "2:3";
 * - number: a whole number, else a decimal when it terminates ("2.5"), else a fraction ("20/3"), prefixed
 *   "x = " when the answer names a variable.
 *
 * @param expected a well-formed answer (see `isWellFormedExpectedAnswer`); a malformed one may throw.
 */
export function formatExpectedAnswer(expected: ExpectedAnswer): string {
  switch (expected.kind) {
    case 'integer':
      return formatInteger(expected.value);
    case 'quotient-remainder':
      return `${expected.quotient} r ${expected.remainder}`;
    case 'fraction':
      return expected.form === 'mixed-number' ? formatMixedNumber(expected) : formatFraction(expected);
    case 'decimal':
      return formatDecimal(expected);
    case 'percent':
      return `${formatDecimal(fraction(expected.numerator * 100, expected.denominator))}%`;
    case 'number': {
      const value =
        decimalPlaces(expected) === undefined ? formatFraction(expected) : formatDecimal(expected);
      return expected.variable === undefined ? value : `${expected.variable} = ${value}`;
    }
    case 'ratio':
      return `${expected.left}:${expected.right}`;
  }
}
