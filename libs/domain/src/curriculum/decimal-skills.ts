import { decimalAnswer, fractionAnswer } from './expected-answer';
import {
  integerRange,
  listSpace,
  mapSpace,
  productSpace,
  unionSpace,
  type ExerciseSpace,
} from './exercise-space';
import {
  addFractions,
  fraction,
  multiplyFractions,
  reducedProperFractions,
  type Fraction,
} from './fraction-arithmetic';
import { formatDecimal, formatFraction } from './number-display';
import { defineSkill, type Exercise, type SkillDefinition } from './skill-definition';

/** Decimals with exactly one decimal place (last digit nonzero), from 0.1 to maxWhole.9. */
function tenths(maxWhole: number): ExerciseSpace<Fraction> {
  return mapSpace(
    productSpace({ whole: integerRange(0, maxWhole), digit: integerRange(1, 9) }),
    ({ whole, digit }) => fraction(whole * 10 + digit, 10),
  );
}

/** Decimals with exactly two decimal places (last digit nonzero), from 0.01 to maxWhole.99. */
function hundredths(maxWhole: number): ExerciseSpace<Fraction> {
  return mapSpace(
    productSpace({
      whole: integerRange(0, maxWhole),
      tenth: integerRange(0, 9),
      hundredth: integerRange(1, 9),
    }),
    ({ whole, tenth, hundredth }) => fraction(whole * 100 + tenth * 10 + hundredth, 100),
  );
}

const wholeNumbers = (min: number, max: number): ExerciseSpace<Fraction> =>
  mapSpace(integerRange(min, max), (n) => fraction(n));

function decimalExercise(left: Fraction, operator: string, right: Fraction, value: Fraction): Exercise {
  return {
    prompt: `What is ${formatDecimal(left)} ${operator} ${formatDecimal(right)}?`,
    expected: decimalAnswer(value),
  };
}

const ADDEND = unionSpace(tenths(99), hundredths(99));

const ADD_SUBTRACT_DECIMALS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(productSpace({ a: ADDEND, b: ADDEND }), ({ a, b }) =>
    decimalExercise(a, '+', b, addFractions(a, b)),
  ),
  // a − b is posed as (b + c) − b so that the answer c is always positive.
  mapSpace(productSpace({ b: ADDEND, c: ADDEND }), ({ b, c }) =>
    decimalExercise(addFractions(b, c), '−', b, c),
  ),
);

const TERMINATING_FRACTIONS = listSpace(reducedProperFractions([2, 4, 5, 8, 10, 20, 25]));

/** Decimals and how they relate to fractions. */
export const DECIMAL_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'add-subtract-decimals',
    title: 'Add and subtract decimals',
    description: 'Add and subtract decimals with tenths and hundredths.',
    prerequisites: ['add-multi-digit', 'subtract-multi-digit'],
    lesson: {
      text:
        'Line up the decimal points so that tenths sit under tenths and hundredths under hundredths; you can fill gaps with zeros. ' +
        'Then add or subtract as with whole numbers and keep the point in line. ' +
        'For 3.45 + 12.7, write 12.7 as 12.70: 3.45 + 12.70 = 16.15.',
    },
    space: ADD_SUBTRACT_DECIMALS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'multiply-decimals',
    title: 'Multiply decimals',
    description: 'Multiply a decimal by a whole number or by another decimal.',
    prerequisites: ['add-subtract-decimals', 'multiply-multi-digit'],
    lesson: {
      text:
        'Multiply as if there were no decimal points, then count the digits after the points in both numbers: the answer has that many. ' +
        'For 0.3 × 1.2: 3 × 12 = 36, and there are two decimal digits in total, so 0.3 × 1.2 = 0.36. ' +
        'A quick estimate helps you check: 0.3 × 1.2 is a bit more than 0.3.',
    },
    space: productSpace({ a: tenths(19), b: unionSpace(wholeNumbers(2, 12), tenths(9)) }),
    exercise: ({ a, b }) => decimalExercise(a, '×', b, multiplyFractions(a, b)),
  }),
  defineSkill({
    slug: 'divide-decimals',
    title: 'Divide decimals by whole numbers',
    description: 'Divide a decimal by a one-digit whole number.',
    prerequisites: ['multiply-decimals', 'divide-multi-digit'],
    lesson: {
      text:
        'Divide as usual and put the decimal point in the answer straight above the point in the number being divided. ' +
        'For 7.5 ÷ 3: 7 ÷ 3 = 2 r 1, and the 1 joins the 5 tenths to make 15 tenths; 15 ÷ 3 = 5 tenths. ' +
        'So 7.5 ÷ 3 = 2.5. Check: 2.5 × 3 = 7.5.',
    },
    space: productSpace({ quotient: tenths(19), divisor: integerRange(2, 9) }),
    exercise: ({ quotient, divisor }) =>
      decimalExercise(multiplyFractions(quotient, fraction(divisor)), '÷', fraction(divisor), quotient),
  }),
  defineSkill({
    slug: 'fractions-to-decimals',
    title: 'Fractions to decimals',
    description: 'Write fractions such as 3/8 as decimals.',
    prerequisites: ['equivalent-fractions', 'divide-decimals'],
    lesson: {
      text:
        'A fraction is a division: 3/8 means 3 ÷ 8. ' +
        'One way is to make the denominator 10, 100 or 1000: 3/5 = 6/10 = 0.6. ' +
        'Another is to divide: 3 ÷ 8 = 0.375.',
    },
    space: TERMINATING_FRACTIONS,
    exercise: (value) => ({
      prompt: `Write ${formatFraction(value)} as a decimal.`,
      expected: decimalAnswer(value),
    }),
  }),
  defineSkill({
    slug: 'decimals-to-fractions',
    title: 'Decimals to fractions',
    description: 'Write decimals such as 0.35 as fractions.',
    prerequisites: ['simplify-fractions', 'fractions-to-decimals'],
    lesson: {
      text:
        'Read the decimal by place value: 0.35 is 35 hundredths, so it is 35/100. ' +
        'Then simplify by dividing the top and bottom by 5: 35/100 = 7/20. ' +
        'In the same way, 0.6 = 6/10 = 3/5, and 1.25 = 125/100 = 5/4.',
    },
    space: unionSpace(tenths(2), hundredths(2)),
    exercise: (value) => ({
      prompt: `Write ${formatDecimal(value)} as a fraction.`,
      expected: fractionAnswer(value, 'any'),
    }),
  }),
];
