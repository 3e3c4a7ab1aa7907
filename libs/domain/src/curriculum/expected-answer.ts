import { decimalPlaces, fraction, gcd, type Fraction } from './fraction-arithmetic';

/**
 * Which written forms a fraction answer may take (see `isAnswerCorrect` for the full rules):
 * - `any`: any equivalent fraction, whole number or mixed number (4/8 is right for 1/2);
 * - `lowest-terms`: the skill is simplifying, so the fraction must be in lowest terms;
 * - `mixed-number`: the skill is converting to a mixed number, so 11/4 must be written 2 3/4;
 * - `improper-fraction`: the skill is converting from a mixed number, so 2 3/4 must be written 11/4.
 */
export type FractionForm = 'any' | 'lowest-terms' | 'mixed-number' | 'improper-fraction';

/**
 * What an exercise expects, as plain JSON data (it is stored in Postgres jsonb). Every value is a safe
 * integer; a value with `numerator`/`denominator` is in lowest terms with a positive denominator and *is* the
 * number itself (a percent answer of 3/4 is shown as "75%").
 */
export type ExpectedAnswer =
  /** A whole number, e.g. 12. Accepts integer or decimal notation (12, 012, 12.0), not 24/2. */
  | { readonly kind: 'integer'; readonly value: number }
  /** A whole-number division with a remainder, shown as "7 r 3". */
  | { readonly kind: 'quotient-remainder'; readonly quotient: number; readonly remainder: number }
  /** A fraction whose written form is constrained by `form`; decimals are not accepted. */
  | {
      readonly kind: 'fraction';
      readonly numerator: number;
      readonly denominator: number;
      readonly form: FractionForm;
    }
  /** A terminating decimal such as 0.375; accepts decimal or integer notation only. */
  | { readonly kind: 'decimal'; readonly numerator: number; readonly denominator: number }
  /** A percentage: the value 3/4 is written "75%" (the "%" may be left out). */
  | { readonly kind: 'percent'; readonly numerator: number; readonly denominator: number }
  /**
   * A number in any exact form: whole, fraction, mixed number or decimal (3/4, 0.75). When `variable` is
   * set the answer may be written "x = 3/4".
   */
  | {
      readonly kind: 'number';
      readonly numerator: number;
      readonly denominator: number;
      readonly variable?: string;
    }
  /** A ratio in simplest form, "2:3". */
  | { readonly kind: 'ratio'; readonly left: number; readonly right: number };

/** The `kind` tags of {@link ExpectedAnswer}. */
export type ExpectedAnswerKind = ExpectedAnswer['kind'];

const FRACTION_FORMS: readonly string[] = ['any', 'lowest-terms', 'mixed-number', 'improper-fraction'];

/** An integer answer. */
export function integerAnswer(value: number): ExpectedAnswer {
  return { kind: 'integer', value: value + 0 };
}

/** A quotient-and-remainder answer, e.g. 31 ÷ 4 → 7 r 3. */
export function quotientRemainderAnswer(quotient: number, remainder: number): ExpectedAnswer {
  return { kind: 'quotient-remainder', quotient, remainder };
}

/** A fraction answer with the given form rule; the value is stored in lowest terms. */
export function fractionAnswer(value: Fraction, form: FractionForm): ExpectedAnswer {
  return { kind: 'fraction', ...fraction(value.numerator, value.denominator), form };
}

/** A decimal answer; the value must terminate. */
export function decimalAnswer(value: Fraction): ExpectedAnswer {
  return { kind: 'decimal', ...fraction(value.numerator, value.denominator) };
}

/** A percent answer for the value (3/4 → 75%). */
export function percentAnswer(value: Fraction): ExpectedAnswer {
  return { kind: 'percent', ...fraction(value.numerator, value.denominator) };
}

/** An answer accepted in any exact form, optionally written as `variable = value`. */
export function numberAnswer(value: Fraction, variable?: string): ExpectedAnswer {
  const parts = fraction(value.numerator, value.denominator);
  return variable === undefined ? { kind: 'number', ...parts } : { kind: 'number', ...parts, variable };
}

/** A ratio answer; the two parts are stored as given (the skill decides what simplest form is). */
export function ratioAnswer(left: number, right: number): ExpectedAnswer {
  return { kind: 'ratio', left, right };
}

/**
 * Checks that a value read back from storage is a well-formed {@link ExpectedAnswer}: known kind, safe
 * integers, positive lowest-terms denominators, decimals and percents that terminate, a remainder that
 * is not negative, a ratio of positive parts in simplest form, a one-letter variable.
 */
export function isWellFormedExpectedAnswer(value: unknown): value is ExpectedAnswer {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const answer = value as Record<string, unknown>;
  switch (answer.kind) {
    case 'integer':
      return isInteger(answer.value);
    case 'quotient-remainder':
      return (
        isInteger(answer.quotient) &&
        isInteger(answer.remainder) &&
        answer.quotient >= 0 &&
        answer.remainder >= 0
      );
    case 'fraction':
      return isLowestTerms(answer) && typeof answer.form === 'string' && FRACTION_FORMS.includes(answer.form);
    case 'decimal':
      return isLowestTerms(answer) && decimalPlaces(answer) !== undefined;
    case 'percent':
      return isLowestTerms(answer) && decimalPlaces(answer) !== undefined;
    case 'number':
      return (
        isLowestTerms(answer) &&
        (answer.variable === undefined ||
          (typeof answer.variable === 'string' && /^[a-z]$/i.test(answer.variable)))
      );
    case 'ratio':
      return (
        isInteger(answer.left) &&
        isInteger(answer.right) &&
        answer.left > 0 &&
        answer.right > 0 &&
        gcd(answer.left, answer.right) === 1
      );
    default:
      return false;
  }
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isLowestTerms(answer: Record<string, unknown>): answer is Record<string, unknown> & Fraction {
  const { numerator, denominator } = answer;
  return (
    isInteger(numerator) && isInteger(denominator) && denominator > 0 && gcd(numerator, denominator) === 1
  );
}
