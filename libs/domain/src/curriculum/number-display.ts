import { decimalPlaces, fraction, type Fraction } from './fraction-arithmetic';

/**
 * How numbers are written in prompts, lessons and shown answers: the true minus sign U+2212 ("−"), × and ÷
 * for operators, an ASCII slash for fractions, a space in mixed numbers ("1 1/2"), no thousands separators.
 * The answer checker accepts all of these forms (and their ASCII spellings) back.
 */
export const MINUS_SIGN = '\u2212';

const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** An integer with a true minus sign: -7 → "−7". */
export function formatInteger(value: number): string {
  return value < 0 ? `${MINUS_SIGN}${-value}` : `${value}`;
}

/** An integer as it appears as a right-hand operand: negatives in parentheses, 5 − (−3). */
export function formatOperand(value: number): string {
  return value < 0 ? `(${formatInteger(value)})` : formatInteger(value);
}

/** A fraction as "n/d" in lowest terms, or a whole number when the denominator is 1: −3/4, 2. */
export function formatFraction(value: Fraction): string {
  const { numerator, denominator } = fraction(value.numerator, value.denominator);
  return denominator === 1 ? formatInteger(numerator) : `${formatInteger(numerator)}/${denominator}`;
}

/** A fraction as a mixed number "w n/d" when its size is above 1: 7/2 → "3 1/2", −7/2 → "−3 1/2", 3/4 → "3/4". */
export function formatMixedNumber(value: Fraction): string {
  const { numerator, denominator } = fraction(value.numerator, value.denominator);
  const whole = Math.trunc(Math.abs(numerator) / denominator);
  const rest = Math.abs(numerator) % denominator;
  if (whole === 0 || rest === 0) {
    return formatFraction(value);
  }
  const sign = numerator < 0 ? MINUS_SIGN : '';
  return `${sign}${whole} ${rest}/${denominator}`;
}

/**
 * A terminating fraction as an exact decimal with no trailing zeros: 3/8 → "0.375", −5/2 → "−2.5", 3 → "3".
 *
 * @throws RangeError when the value has no finite decimal expansion (like 1/3).
 */
export function formatDecimal(value: Fraction): string {
  const places = decimalPlaces(value);
  if (places === undefined) {
    throw new RangeError(`${value.numerator}/${value.denominator} has no finite decimal expansion`);
  }
  const { numerator, denominator } = fraction(value.numerator, value.denominator);
  const scaled = Math.abs(numerator) * (10 ** places / denominator);
  const digits = `${scaled}`.padStart(places + 1, '0');
  const sign = numerator < 0 ? MINUS_SIGN : '';
  if (places === 0) {
    return `${sign}${digits}`;
  }
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A non-negative integer in superscript digits, for exponents: 12 → "¹²". */
export function formatSuperscript(value: number): string {
  return `${value}`
    .split('')
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)])
    .join('');
}
