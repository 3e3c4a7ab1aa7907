import { decimalAnswer, numberAnswer, percentAnswer, ratioAnswer } from './expected-answer';
import {
  filterSpace,
  integerRange,
  listSpace,
  mapSpace,
  productSpace,
  unionSpace,
  type ExerciseSpace,
} from './exercise-space';
import { fraction, gcd, reducedProperFractions } from './fraction-arithmetic';
import { formatDecimal, formatFraction } from './number-display';
import { defineSkill, type Exercise, type SkillDefinition } from './skill-definition';

const EXACT_ANSWER_HINT = 'If x is not a whole number, give it as a fraction or a decimal.';

/** Answers stay whole numbers, halves or quarters, so they can be written as a fraction or a decimal. */
const FRIENDLY_DENOMINATORS = [1, 2, 4];

const PERCENT_OF_A_NUMBER: ExerciseSpace<Exercise> = mapSpace(
  productSpace({ fives: integerRange(1, 20), fours: integerRange(1, 50) }),
  ({ fives, fours }) => {
    const [percent, amount] = [fives * 5, fours * 4];
    return {
      prompt: `What is ${percent}% of ${amount}?`,
      expected: numberAnswer(fraction(percent * amount, 100)),
    };
  },
);

const CONVERT_PERCENTS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(listSpace(reducedProperFractions([2, 4, 5, 8, 10, 20, 25, 50])), (value) => ({
    prompt: `Write ${formatFraction(value)} as a percent.`,
    expected: percentAnswer(value),
  })),
  mapSpace(
    filterSpace(integerRange(1, 199), (hundredths) => hundredths !== 100),
    (hundredths) => ({
      prompt: `Write ${formatDecimal(fraction(hundredths, 100))} as a percent.`,
      expected: percentAnswer(fraction(hundredths, 100)),
    }),
  ),
  mapSpace(integerRange(1, 200), (percent) => ({
    prompt: `Write ${percent}% as a decimal.`,
    expected: decimalAnswer(fraction(percent, 100)),
  })),
);

const COPRIME_PAIRS = filterSpace(
  productSpace({ left: integerRange(1, 12), right: integerRange(1, 12) }),
  ({ left, right }) => left !== right && gcd(left, right) === 1,
);

/** Left-hand sides of proportions: fractions in lowest terms like 3/4 or 5/2, never "3/1". */
const PROPORTION_RATIOS = filterSpace(COPRIME_PAIRS, ({ right }) => right !== 1);

const PROPORTIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(
    filterSpace(
      productSpace({ ratio: PROPORTION_RATIOS, known: integerRange(2, 30) }),
      ({ ratio, known }) =>
        known !== ratio.right &&
        FRIENDLY_DENOMINATORS.includes(fraction(ratio.left * known, ratio.right).denominator),
    ),
    ({ ratio: { left, right }, known }) => ({
      prompt: `Solve for x: ${left}/${right} = x/${known}. ${EXACT_ANSWER_HINT}`,
      expected: numberAnswer(fraction(left * known, right), 'x'),
    }),
  ),
  mapSpace(
    filterSpace(
      productSpace({ ratio: PROPORTION_RATIOS, known: integerRange(2, 30) }),
      ({ ratio, known }) =>
        known !== ratio.left &&
        FRIENDLY_DENOMINATORS.includes(fraction(ratio.right * known, ratio.left).denominator),
    ),
    ({ ratio: { left, right }, known }) => ({
      prompt: `Solve for x: ${left}/${right} = ${known}/x. ${EXACT_ANSWER_HINT}`,
      expected: numberAnswer(fraction(right * known, left), 'x'),
    }),
  ),
);

/** Percentages, ratios and proportions. */
export const PERCENT_RATIO_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'percent-of-a-number',
    title: 'Percent of a number',
    description: 'Find a percentage of an amount, such as 15% of 48.',
    prerequisites: ['multiply-decimals', 'fractions-to-decimals'],
    lesson: {
      text:
        'Percent means "out of 100", so 15% is 15/100 = 0.15. ' +
        'To find a percent of a number, multiply: 15% of 48 = 0.15 × 48 = 7.2. ' +
        'A handy shortcut: 10% of 48 is 4.8, 5% is half of that, 2.4, and 15% = 4.8 + 2.4 = 7.2.',
    },
    space: PERCENT_OF_A_NUMBER,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'convert-percents',
    title: 'Fractions, decimals and percents',
    description: 'Convert between fractions, decimals and percents.',
    prerequisites: ['fractions-to-decimals'],
    lesson: {
      text:
        'Percent means "out of 100". To turn a decimal into a percent, multiply by 100: 0.45 = 45%. ' +
        'To turn a percent into a decimal, divide by 100: 8% = 0.08. ' +
        'For a fraction, make it out of 100 first: 3/4 = 75/100 = 75%.',
    },
    space: CONVERT_PERCENTS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'simplify-ratios',
    title: 'Simplify ratios',
    description: 'Write a ratio in simplest form.',
    prerequisites: ['simplify-fractions'],
    lesson: {
      text:
        'A ratio compares two amounts, like 12 red beads to 18 blue ones, written 12:18. ' +
        'Simplify it like a fraction, by dividing both parts by their greatest common factor. ' +
        'Both 12 and 18 divide by 6, so 12:18 = 2:3.',
    },
    space: productSpace({ ratio: COPRIME_PAIRS, factor: integerRange(2, 10) }),
    exercise: ({ ratio: { left, right }, factor }) => ({
      prompt: `Write the ratio ${left * factor}:${right * factor} in simplest form.`,
      expected: ratioAnswer(left, right),
    }),
  }),
  defineSkill({
    slug: 'solve-proportions',
    title: 'Solve proportions',
    description: 'Find the missing number that makes two ratios equal.',
    prerequisites: ['simplify-ratios', 'equivalent-fractions', 'multiply-multi-digit'],
    lesson: {
      text:
        'A proportion says that two ratios are equal, as in 3/4 = x/20. ' +
        'Cross-multiply: 4 × x = 3 × 20 = 60, so x = 60 ÷ 4 = 15. ' +
        'Check: 15/20 simplifies to 3/4.',
    },
    space: PROPORTIONS,
    exercise: (exercise) => exercise,
  }),
];
