import {
  normalizeAnswerText,
  parseExactNumber,
  type NumberNotation,
  type ParsedNumber,
} from './answer-parsing';
import { isWellFormedExpectedAnswer, type ExpectedAnswer, type FractionForm } from './expected-answer';

type ValueAnswer = { readonly numerator: number; readonly denominator: number };

/**
 * Decides whether raw user text is a right answer, by exact rational comparison (never floating point).
 *
 * Rules common to every kind: surrounding and inner spaces are ignored (spaces between digits only count as
 * a thousands group or the gap of a mixed number), a leading "+" is allowed, "-0" equals 0, the unicode
 * minus "−" and dashes equal "-", letters are case-insensitive, leading zeros are fine ("007" = 7),
 * thousands may be grouped by commas or spaces in exact groups of three ("12,345", "12 345"), a mixed
 * number has a whole part of at least 1 and a proper fraction part ("1 1/2", not "0 1/2" or "1 3/2").
 * Rejected everywhere: empty text, text over 1,024 characters, exponent notation ("1e3"), NaN, Infinity,
 * a decimal comma ("0,75"), signs inside fractions ("3/-4"), brackets, words and vulgar-fraction characters
 * ("½"), and anything else with stray characters.
 *
 * By kind:
 * - `integer`: integer or decimal notation of the value (12, +12, 12.0); not a fraction (24/2).
 * - `quotient-remainder`: "7 r 3", "7R3", "7 rem 3", "7 remainder 3"; both parts must match (so the
 *   remainder must be the smallest one); a plain "7" only when the remainder is 0.
 * - `fraction` by `form` — `any`: any equivalent fraction, whole or mixed number (4/8, 1/2 for 1/2; 9/8 or
 *   1 1/8); `lowest-terms`: a fraction or mixed number whose fraction part is in lowest terms, or a whole
 *   number; `mixed-number`: a mixed number with a proper fraction part (2 3/4 or 2 6/8), a whole number, or a
 *   proper fraction when the value is below 1; `improper-fraction`: a fraction (11/4 or 22/8) or whole
 *   number. Decimals are never accepted for fractions.
 * - `decimal`: decimal or integer notation (0.5, .5, 0.50); not a fraction.
 * - `percent`: a number of percent with or without "%" (75%, 75, 75.0 %), integer or decimal notation.
 * - `number`: integer, decimal, fraction or mixed notation (3/4, 0.75, 6/8); with a `variable`, optionally
 *   prefixed "x =". A repeating value must be given as a fraction (0.333 is not 1/3).
 * - `ratio`: "2:3", "2 : 3" or "2 to 3", parts equal to the expected simplest form (4:6 is not 2:3).
 *
 * @param expected what the exercise expects; a malformed value makes every answer wrong.
 * @param given raw user text.
 * @returns true when `given` is right; never throws.
 */
export function isAnswerCorrect(expected: ExpectedAnswer, given: string): boolean {
  try {
    const text = normalizeAnswerText(given);
    if (text === undefined || text === '' || !isWellFormedExpectedAnswer(expected)) {
      return false;
    }
    return matchesExpected(expected, text);
  } catch {
    // Defensive: user text must never crash an answer submission.
    return false;
  }
}

function matchesExpected(expected: ExpectedAnswer, text: string): boolean {
  switch (expected.kind) {
    case 'integer':
      return matchesValue(text, { numerator: expected.value, denominator: 1 }, ['integer', 'decimal']);
    case 'quotient-remainder':
      return matchesQuotientRemainder(text, expected.quotient, expected.remainder);
    case 'fraction':
      return matchesFraction(text, expected, expected.form);
    case 'decimal':
      return matchesValue(text, expected, ['integer', 'decimal']);
    case 'percent':
      return matchesValue(
        text.replace(/%$/, ''),
        { numerator: expected.numerator * 100, denominator: expected.denominator },
        ['integer', 'decimal'],
      );
    case 'number':
      return matchesValue(stripVariable(text, expected.variable), expected, [
        'integer',
        'decimal',
        'fraction',
        'mixed',
      ]);
    case 'ratio':
      return matchesRatio(text, expected.left, expected.right);
  }
}

function matchesValue(text: string, expected: ValueAnswer, notations: readonly NumberNotation[]): boolean {
  const parsed = parseExactNumber(text);
  return parsed !== undefined && notations.includes(parsed.notation) && equalsValue(parsed, expected);
}

function equalsValue(parsed: ParsedNumber, expected: ValueAnswer): boolean {
  return parsed.numerator * BigInt(expected.denominator) === BigInt(expected.numerator) * parsed.denominator;
}

function matchesFraction(text: string, expected: ValueAnswer, form: FractionForm): boolean {
  const parsed = parseExactNumber(text);
  if (parsed === undefined || parsed.notation === 'decimal' || !equalsValue(parsed, expected)) {
    return false;
  }
  switch (form) {
    case 'any':
      return true;
    case 'lowest-terms':
      return parsed.inLowestTerms;
    case 'mixed-number':
      return parsed.notation !== 'fraction' || Math.abs(expected.numerator) < expected.denominator;
    case 'improper-fraction':
      return parsed.notation !== 'mixed';
  }
}

function matchesQuotientRemainder(text: string, quotient: number, remainder: number): boolean {
  const match = /^\+?(\d+)(?:r|rem|remainder)\.?(\d+)$/.exec(text);
  if (match) {
    return BigInt(match[1]) === BigInt(quotient) && BigInt(match[2]) === BigInt(remainder);
  }
  return remainder === 0 && matchesValue(text, { numerator: quotient, denominator: 1 }, ['integer']);
}

function matchesRatio(text: string, left: number, right: number): boolean {
  const match = /^\+?(\d+)(?::|to)(\d+)$/.exec(text);
  return match !== null && BigInt(match[1]) === BigInt(left) && BigInt(match[2]) === BigInt(right);
}

/** "x=3" → "3" when the answer's variable is x; otherwise the text is left alone (and will not parse). */
function stripVariable(text: string, variable: string | undefined): string {
  if (variable !== undefined && text.startsWith(`${variable.toLowerCase()}=`)) {
    return text.slice(2);
  }
  return text;
}
