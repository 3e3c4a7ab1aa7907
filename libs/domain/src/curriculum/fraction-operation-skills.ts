import { fractionAnswer } from './expected-answer';
import {
  filterSpace,
  integerRange,
  listSpace,
  mapSpace,
  productSpace,
  unionSpace,
  type ExerciseSpace,
} from './exercise-space';
import {
  addFractions,
  divideFractions,
  fraction,
  gcd,
  multiplyFractions,
  reducedProperFractions,
  subtractFractions,
  type Fraction,
} from './fraction-arithmetic';
import { formatFraction } from './number-display';
import { defineSkill, type Exercise, type SkillDefinition } from './skill-definition';

const SMALL_FRACTIONS = listSpace(reducedProperFractions([2, 3, 4, 5, 6, 7, 8, 9, 10]));
const FRACTIONS_TO_TWELFTHS = listSpace(reducedProperFractions([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));

function fractionExercise(left: Fraction, operator: string, right: Fraction, value: Fraction): Exercise {
  return {
    prompt: `What is ${formatFraction(left)} ${operator} ${formatFraction(right)}? Give your answer as a fraction.`,
    expected: fractionAnswer(value, 'any'),
  };
}

/** Pairs a/d and b/d with the same denominator, written unsimplified (2/8 stays 2/8 in the prompt). */
const LIKE_PAIRS = filterSpace(
  productSpace({ denominator: integerRange(3, 12), a: integerRange(1, 11), b: integerRange(1, 11) }),
  ({ denominator, a, b }) => a < denominator && b < denominator,
);

function likeExercise(
  a: number,
  operator: string,
  b: number,
  denominator: number,
  value: Fraction,
): Exercise {
  return {
    prompt: `What is ${a}/${denominator} ${operator} ${b}/${denominator}? Give your answer as a fraction.`,
    expected: fractionAnswer(value, 'any'),
  };
}

const LIKE_FRACTIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(LIKE_PAIRS, ({ denominator, a, b }) =>
    likeExercise(a, '+', b, denominator, fraction(a + b, denominator)),
  ),
  mapSpace(
    filterSpace(LIKE_PAIRS, ({ a, b }) => a > b),
    ({ denominator, a, b }) => likeExercise(a, '−', b, denominator, fraction(a - b, denominator)),
  ),
);

/** Keeps the common denominator friendly (at most 36): 1/4 + 1/6 yes, 5/12 + 4/11 no. */
const MAX_COMMON_DENOMINATOR = 36;

const UNLIKE_PAIRS = filterSpace(
  productSpace({ left: FRACTIONS_TO_TWELFTHS, right: FRACTIONS_TO_TWELFTHS }),
  ({ left, right }) =>
    left.denominator !== right.denominator &&
    (left.denominator * right.denominator) / gcd(left.denominator, right.denominator) <=
      MAX_COMMON_DENOMINATOR,
);

const UNLIKE_FRACTIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(UNLIKE_PAIRS, ({ left, right }) => fractionExercise(left, '+', right, addFractions(left, right))),
  mapSpace(
    filterSpace(UNLIKE_PAIRS, ({ left, right }) => subtractFractions(left, right).numerator > 0),
    ({ left, right }) => fractionExercise(left, '−', right, subtractFractions(left, right)),
  ),
);

/** Calculating with fractions: the four operations. */
export const FRACTION_OPERATION_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'add-subtract-like-fractions',
    title: 'Add and subtract fractions with like denominators',
    description: 'Add and subtract fractions that have the same denominator.',
    prerequisites: ['simplify-fractions'],
    lesson: {
      text:
        'When fractions have the same denominator, the pieces are the same size, so add or subtract the numerators and keep the denominator. ' +
        'For example, 3/8 + 1/8 = 4/8, which simplifies to 1/2. ' +
        'In the same way, 5/6 − 1/6 = 4/6 = 2/3.',
    },
    space: LIKE_FRACTIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'add-subtract-unlike-fractions',
    title: 'Add and subtract fractions with unlike denominators',
    description: 'Add and subtract fractions after rewriting them over a common denominator.',
    prerequisites: ['add-subtract-like-fractions', 'equivalent-fractions'],
    lesson: {
      text:
        'To add or subtract fractions with different denominators, first rewrite them over a common denominator: a number both denominators divide into. ' +
        'For 1/3 + 1/4 use 12: 1/3 = 4/12 and 1/4 = 3/12, so the sum is 7/12. ' +
        'Likewise 1/2 − 1/3 = 3/6 − 2/6 = 1/6.',
    },
    space: UNLIKE_FRACTIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'multiply-fractions',
    title: 'Multiply fractions',
    description: 'Multiply two fractions and simplify the result.',
    prerequisites: ['simplify-fractions'],
    lesson: {
      text:
        'To multiply fractions, multiply the numerators together and the denominators together. ' +
        'For 2/3 × 3/5: 2 × 3 = 6 and 3 × 5 = 15, so the product is 6/15, which simplifies to 2/5. ' +
        'You may also cancel common factors before multiplying to keep the numbers small.',
    },
    space: productSpace({ left: SMALL_FRACTIONS, right: SMALL_FRACTIONS }),
    exercise: ({ left, right }) => fractionExercise(left, '×', right, multiplyFractions(left, right)),
  }),
  defineSkill({
    slug: 'divide-fractions',
    title: 'Divide fractions',
    description: 'Divide by a fraction by multiplying by its reciprocal.',
    prerequisites: ['multiply-fractions'],
    lesson: {
      text:
        'To divide by a fraction, multiply by its reciprocal: flip the second fraction upside down. ' +
        'For 2/3 ÷ 4/5: 2/3 × 5/4 = 10/12, which simplifies to 5/6. ' +
        'Check by multiplying back: 5/6 × 4/5 = 20/30 = 2/3.',
    },
    space: productSpace({ left: SMALL_FRACTIONS, right: SMALL_FRACTIONS }),
    exercise: ({ left, right }) => fractionExercise(left, '÷', right, divideFractions(left, right)),
  }),
];
