import { isAnswerCorrect } from './answer-checking';
import { formatExpectedAnswer } from './answer-formatting';
import { CURRICULUM } from './curriculum';
import { isWellFormedExpectedAnswer, type ExpectedAnswer } from './expected-answer';
import { decimalPlaces, fraction } from './fraction-arithmetic';
import { formatDecimal, formatMixedNumber } from './number-display';
import type { Exercise } from './skill-definition';

const SEEDS = 2000;
const STREAK = 10;

const ascii = (text: string): string => text.replace(/−/g, '-');

/** Other ways a person could write the right answer; each must be accepted. */
function equivalentForms(expected: ExpectedAnswer): string[] {
  const shown = formatExpectedAnswer(expected);
  const forms = [shown, ascii(shown), `  ${shown} `];
  switch (expected.kind) {
    case 'integer':
      forms.push(`${expected.value}.0`, expected.value >= 0 ? `+${expected.value}` : `- ${-expected.value}`);
      break;
    case 'quotient-remainder':
      forms.push(
        `${expected.quotient}r${expected.remainder}`,
        `${expected.quotient} R ${expected.remainder}`,
      );
      forms.push(`${expected.quotient} remainder ${expected.remainder}`);
      break;
    case 'fraction': {
      const { numerator: n, denominator: d, form } = expected;
      if (form === 'any' || form === 'improper-fraction') {
        forms.push(`${2 * n}/${2 * d}`, `${n} / ${d}`);
      }
      if ((form === 'any' || form === 'lowest-terms') && d > 1 && Math.abs(n) > d) {
        forms.push(formatMixedNumber(expected));
      }
      if (form === 'mixed-number' && d > 1 && Math.abs(n) > d) {
        const whole = Math.trunc(Math.abs(n) / d);
        forms.push(`${n < 0 ? '-' : ''}${whole} ${2 * (Math.abs(n) % d)}/${2 * d}`);
      }
      break;
    }
    case 'decimal':
      forms.push(shown.includes('.') ? `${ascii(shown)}0` : `${ascii(shown)}.0`);
      break;
    case 'percent':
      forms.push(shown.replace('%', ''), shown.replace('%', ' %'));
      break;
    case 'number': {
      const plain = [
        `${expected.numerator}/${expected.denominator}`,
        `${2 * expected.numerator}/${2 * expected.denominator}`,
      ];
      if (decimalPlaces(expected) !== undefined) {
        plain.push(ascii(formatDecimal(expected)));
      }
      forms.push(
        ...plain,
        ...(expected.variable === undefined ? [] : plain.map((form) => `${expected.variable} = ${form}`)),
      );
      break;
    }
    case 'ratio':
      forms.push(`${expected.left} : ${expected.right}`, `${expected.left} to ${expected.right}`);
      break;
  }
  return forms;
}

/** Answers that are wrong in value or, where the skill is about the form, wrong in form. */
function wrongAnswers(expected: ExpectedAnswer): string[] {
  switch (expected.kind) {
    case 'integer':
      return [
        `${expected.value + 1}`,
        `${expected.value - 1}`,
        ...(expected.value === 0 ? [] : [`${-expected.value}`]),
      ];
    case 'quotient-remainder':
      return [
        `${expected.quotient + 1} r ${expected.remainder}`,
        `${expected.quotient} r ${expected.remainder + 1}`,
        `${expected.quotient}`,
      ];
    case 'fraction': {
      const { numerator: n, denominator: d, form } = expected;
      const wrong = [`${n + 1}/${d}`, `${n}/${d + 1}`];
      if (decimalPlaces(expected) !== undefined && d > 1) {
        wrong.push(ascii(formatDecimal(expected)));
      }
      if (form === 'lowest-terms' && d > 1) {
        wrong.push(`${2 * n}/${2 * d}`);
      }
      if (form === 'mixed-number' && Math.abs(n) > d) {
        wrong.push(`${n}/${d}`);
      }
      if (form === 'improper-fraction' && d > 1 && Math.abs(n) > d) {
        wrong.push(ascii(formatMixedNumber(expected)));
      }
      return wrong;
    }
    case 'decimal':
      return [
        ascii(
          formatDecimal(fraction(expected.numerator * 10 + expected.denominator, expected.denominator * 10)),
        ),
      ];
    case 'percent':
      return [
        `${ascii(formatDecimal(fraction(expected.numerator * 100 + expected.denominator, expected.denominator)))}%`,
        ascii(formatDecimal(expected)),
      ];
    case 'number':
      return [
        `${expected.numerator + expected.denominator}/${expected.denominator}`,
        ...(expected.numerator === 0 ? [] : [`${-expected.numerator}/${expected.denominator}`]),
      ];
    case 'ratio':
      return [
        `${2 * expected.left}:${2 * expected.right}`,
        ...(expected.left === expected.right ? [] : [`${expected.right}:${expected.left}`]),
      ];
  }
}

/** Problems with one exercise, as readable strings; empty when it is fine. */
function problemsWith({ prompt, expected }: Exercise): string[] {
  const problems: string[] = [];
  if (
    prompt.trim() !== prompt ||
    prompt.length < 8 ||
    prompt.length > 200 ||
    /undefined|NaN|Infinity|null|\[object/.test(prompt)
  ) {
    problems.push(`bad prompt ${JSON.stringify(prompt)}`);
  }
  if (/[-*]/.test(prompt)) {
    problems.push(`ASCII operator in ${JSON.stringify(prompt)}: use − and ×`);
  }
  if (
    !isWellFormedExpectedAnswer(expected) ||
    JSON.stringify(JSON.parse(JSON.stringify(expected))) !== JSON.stringify(expected)
  ) {
    return [...problems, `malformed answer ${JSON.stringify(expected)} for ${prompt}`];
  }
  for (const form of equivalentForms(expected)) {
    if (!isAnswerCorrect(expected, form)) {
      problems.push(`${prompt} rejects the right answer ${JSON.stringify(form)}`);
    }
  }
  for (const wrong of wrongAnswers(expected)) {
    if (isAnswerCorrect(expected, wrong)) {
      problems.push(`${prompt} accepts the wrong answer ${JSON.stringify(wrong)}`);
    }
  }
  return problems;
}

describe.each(CURRICULUM.map((skill) => [skill.slug, skill] as const))('%s', (_slug, skill) => {
  const exercises = Array.from({ length: SEEDS }, (_, seed) => skill.generate(seed));
  const prompts = exercises.map(({ prompt }) => prompt);

  it(`poses ${SEEDS} well-formed exercises whose right answers are accepted in their equivalent forms and wrong ones rejected`, () => {
    expect(exercises.flatMap(problemsWith).slice(0, 10)).toEqual([]);
  });

  it('gives the same exercise for the same seed', () => {
    for (const seed of [0, 1, 17, 1999]) {
      expect(skill.generate(seed)).toEqual(exercises[seed]);
    }
  });

  it('never repeats an exercise within a streak: seeds 1–10, and every 10 consecutive seeds, pose distinct prompts', () => {
    expect(skill.distinctExercises).toBeGreaterThanOrEqual(20);
    expect(new Set(prompts.slice(1, 1 + STREAK)).size).toBe(STREAK);
    const repeatedWindows = prompts
      .slice(0, SEEDS - STREAK)
      .filter((_, start) => new Set(prompts.slice(start, start + STREAK)).size < STREAK);
    expect(repeatedWindows).toEqual([]);
  });

  it(`walks the whole space before repeating: ${SEEDS} consecutive seeds give min(distinctExercises, ${SEEDS}) prompts`, () => {
    expect(new Set(prompts).size).toBe(Math.min(skill.distinctExercises, SEEDS));
  });

  it('accepts any finite seed and repeats with period distinctExercises', () => {
    for (const seed of [-1, -123456, 2 ** 31, 2 ** 53 + 2, 3.7]) {
      expect(skill.generate(seed)).toEqual(skill.generate(seed));
    }
    expect(skill.generate(5 + skill.distinctExercises)).toEqual(exercises[5]);
    expect(skill.generate(-1)).toEqual(skill.generate(skill.distinctExercises - 1));
    expect(() => skill.generate(NaN)).toThrow(RangeError);
  });
});
