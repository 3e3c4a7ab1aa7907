/**
 * Reading numbers the way people type them. Everything here is exact (BigInt) and linear-time: the
 * regular expressions have no nested quantifiers over overlapping classes, and input is capped at
 * {@link MAX_ANSWER_LENGTH} characters before any of them run.
 */

/** Longest answer text considered, in UTF-16 code units (1 KB of ASCII); longer text is simply wrong. */
export const MAX_ANSWER_LENGTH = 1024;

/** How a number was written: 12, 0.75, 3/4, 1 1/2. */
export type NumberNotation = 'integer' | 'decimal' | 'fraction' | 'mixed';

/** An exactly parsed number: the value numerator/denominator (not reduced; denominator > 0). */
export interface ParsedNumber {
  readonly numerator: bigint;
  readonly denominator: bigint;
  readonly notation: NumberNotation;
  /** For fractions and mixed numbers: the written fraction part has no common factor (3/4 yes, 6/8 no). */
  readonly inLowestTerms: boolean;
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d]/g;
const SLASHES = /[\u2044\u2215]/g;
const COLONS = /[\u2236]/g;
const SPACE_NOT_BETWEEN_DIGITS = / (?!\d)|(?<!\d) /g;

/**
 * Normalises raw answer text: unicode minus and dashes become "-", fraction slashes "/", the ratio colon
 * ":", full-width plus "+"; runs of whitespace collapse; letters are lower-cased; and every space that is not
 * between two digits is dropped ("x = − 3" → "x=-3"). Spaces between digits are kept because they carry
 * meaning: a thousands group ("12 345") or a mixed number ("1 1/2").
 *
 * @returns the normalised text, or `undefined` when the input is not a string or is longer than
 *   {@link MAX_ANSWER_LENGTH}.
 */
export function normalizeAnswerText(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_ANSWER_LENGTH) {
    return undefined;
  }
  return raw
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replace(COLONS, ':')
    .replace(/\uff0b/g, '+')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(SPACE_NOT_BETWEEN_DIGITS, '');
}

/**
 * Parses normalised text (see {@link normalizeAnswerText}) as an exact number:
 * - an optional single sign, "+" or "-" ("-0" is 0);
 * - integers, leading zeros allowed ("007"), thousands grouped by commas or spaces only in exact groups of
 *   three ("12,345", "12 345", not "1,23");
 * - decimals with a point, digits optional on one side (".5", "5."), never a decimal comma;
 * - fractions "a/b" with whole-number parts and b ≠ 0 (the sign goes in front: "-3/4", not "3/-4");
 * - mixed numbers "w a/b" with w ≥ 1 and a proper fraction part (0 < a < b): "1 1/2", not "1 3/2" or "0 1/2".
 * Rejected: exponents ("1e3"), NaN, Infinity, hex, several signs, stray characters.
 */
export function parseExactNumber(text: string): ParsedNumber | undefined {
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  const parsed = parseUnsigned(body);
  if (parsed === undefined) {
    return undefined;
  }
  return negative ? { ...parsed, numerator: -parsed.numerator } : parsed;
}

function parseUnsigned(body: string): ParsedNumber | undefined {
  const mixed = /^(\d+) (\d+)\/(\d+)$/.exec(body);
  if (mixed) {
    const [whole, top, bottom] = [BigInt(mixed[1]), BigInt(mixed[2]), BigInt(mixed[3])];
    if (whole === 0n || top === 0n || top >= bottom) {
      return undefined;
    }
    return {
      numerator: whole * bottom + top,
      denominator: bottom,
      notation: 'mixed',
      inLowestTerms: bigGcd(top, bottom) === 1n,
    };
  }
  const simple = /^(\d+)\/(\d+)$/.exec(body);
  if (simple) {
    const [top, bottom] = [BigInt(simple[1]), BigInt(simple[2])];
    if (bottom === 0n) {
      return undefined;
    }
    return {
      numerator: top,
      denominator: bottom,
      notation: 'fraction',
      inLowestTerms: bigGcd(top, bottom) === 1n,
    };
  }
  const decimal = /^([\d, ]*)\.(\d*)$/.exec(body);
  if (decimal) {
    const whole = decimal[1] === '' ? '' : ungroupDigits(decimal[1]);
    const fractionDigits = decimal[2];
    if (whole === undefined || whole.length + fractionDigits.length === 0) {
      return undefined;
    }
    return {
      numerator: BigInt(`${whole}${fractionDigits}` || '0'),
      denominator: 10n ** BigInt(fractionDigits.length),
      notation: 'decimal',
      inLowestTerms: true,
    };
  }
  const integer = ungroupDigits(body);
  return integer === undefined
    ? undefined
    : { numerator: BigInt(integer), denominator: 1n, notation: 'integer', inLowestTerms: true };
}

/** "12345", "12,345" or "12 345" → "12345"; anything else (bad grouping, mixed separators) → undefined. */
function ungroupDigits(text: string): string | undefined {
  if (/^\d+$/.test(text)) {
    return text;
  }
  if (/^\d{1,3}(?:,\d{3})+$/.test(text) || /^\d{1,3}(?: \d{3})+$/.test(text)) {
    return text.replace(/[, ]/g, '');
  }
  return undefined;
}

/** Greatest common divisor of two BigInts, never negative; `bigGcd(0n, 0n) = 0n`. */
export function bigGcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}
