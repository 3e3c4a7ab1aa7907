import { fractionAnswer, integerAnswer } from './expected-answer';
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
import { defineSkill, type Exercise, type SkillDefinition } from './skill-definition';

const DENOMINATORS_TO_10 = [2, 3, 4, 5, 6, 7, 8, 9, 10];
const DENOMINATORS_TO_12 = [...DENOMINATORS_TO_10, 11, 12];

const EQUIVALENT_FRACTIONS: ExerciseSpace<Exercise> = mapSpace(
  productSpace({
    base: listSpace(reducedProperFractions(DENOMINATORS_TO_10)),
    factor: integerRange(2, 6),
    missing: listSpace(['numerator', 'denominator'] as const),
  }),
  ({ base: { numerator, denominator }, factor, missing }) => {
    const [top, bottom] = [numerator * factor, denominator * factor];
    return missing === 'numerator'
      ? {
          prompt: `Fill in the missing number: ${numerator}/${denominator} = ?/${bottom}`,
          expected: integerAnswer(top),
        }
      : {
          prompt: `Fill in the missing number: ${numerator}/${denominator} = ${top}/?`,
          expected: integerAnswer(bottom),
        };
  },
);

const MIXED_NUMBERS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(
    filterSpace(
      productSpace({ numerator: integerRange(3, 50), denominator: integerRange(2, 10) }),
      ({ numerator, denominator }) =>
        numerator > denominator && numerator < 6 * denominator && gcd(numerator, denominator) === 1,
    ),
    ({ numerator, denominator }) => ({
      prompt: `Write ${numerator}/${denominator} as a mixed number.`,
      expected: fractionAnswer(fraction(numerator, denominator), 'mixed-number'),
    }),
  ),
  mapSpace(
    productSpace({ whole: integerRange(1, 9), part: listSpace(reducedProperFractions(DENOMINATORS_TO_10)) }),
    ({ whole, part: { numerator, denominator } }) => ({
      prompt: `Write ${whole} ${numerator}/${denominator} as an improper fraction.`,
      expected: fractionAnswer(fraction(whole * denominator + numerator, denominator), 'improper-fraction'),
    }),
  ),
);

/** What a fraction is worth: equivalent fractions, lowest terms, mixed numbers. */
export const FRACTION_BASICS_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'equivalent-fractions',
    title: 'Equivalent fractions',
    description: 'Find a missing number that makes two fractions equal.',
    prerequisites: ['multiplication-tables', 'division-facts'],
    lesson: {
      text:
        'Multiplying the top and the bottom of a fraction by the same number gives an equivalent fraction: the same amount, cut into more pieces. ' +
        'So 3/4 = 6/8 = 9/12. ' +
        'To fill in 3/4 = ?/20, notice that 4 × 5 = 20, so multiply the top by 5 too: 3 × 5 = 15, and 3/4 = 15/20.',
    },
    space: EQUIVALENT_FRACTIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'simplify-fractions',
    title: 'Simplify fractions',
    description: 'Write a fraction in lowest terms.',
    prerequisites: ['equivalent-fractions'],
    lesson: {
      text:
        'A fraction is in lowest terms when no whole number bigger than 1 divides both its top and its bottom. ' +
        'To simplify, divide both by their greatest common factor. ' +
        'For 12/16 the greatest common factor is 4: 12 ÷ 4 = 3 and 16 ÷ 4 = 4, so 12/16 = 3/4.',
    },
    space: productSpace({
      base: listSpace(reducedProperFractions(DENOMINATORS_TO_12)),
      factor: integerRange(2, 9),
    }),
    exercise: ({ base, factor }) => ({
      prompt: `Simplify ${base.numerator * factor}/${base.denominator * factor} to lowest terms.`,
      expected: fractionAnswer(base, 'lowest-terms'),
    }),
  }),
  defineSkill({
    slug: 'mixed-numbers',
    title: 'Mixed numbers',
    description: 'Convert between improper fractions and mixed numbers.',
    prerequisites: ['equivalent-fractions', 'divide-with-remainder'],
    lesson: {
      text:
        'A mixed number such as 2 3/4 is a whole number and a fraction together. ' +
        'To turn 11/4 into a mixed number, divide: 11 ÷ 4 = 2 r 3, so 11/4 = 2 3/4. ' +
        'To go back, multiply and add: 2 × 4 + 3 = 11, so 2 3/4 = 11/4.',
    },
    space: MIXED_NUMBERS,
    exercise: (exercise) => exercise,
  }),
];
