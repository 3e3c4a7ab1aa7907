import { integerAnswer } from './expected-answer';
import {
  filterSpace,
  integerRange,
  mapSpace,
  productSpace,
  unionSpace,
  type ExerciseSpace,
} from './exercise-space';
import { formatInteger, formatOperand, formatSuperscript } from './number-display';
import { defineSkill, type Exercise, type SkillDefinition } from './skill-definition';

function whatIs(expression: string, value: number): Exercise {
  return { prompt: `What is ${expression}?`, expected: integerAnswer(value) };
}

const ORDER_OF_OPERATIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(
    productSpace({ a: integerRange(1, 20), b: integerRange(2, 9), c: integerRange(2, 9) }),
    ({ a, b, c }) => whatIs(`${a} + ${b} × ${c}`, a + b * c),
  ),
  mapSpace(
    productSpace({ a: integerRange(1, 12), b: integerRange(1, 12), c: integerRange(2, 9) }),
    ({ a, b, c }) => whatIs(`(${a} + ${b}) × ${c}`, (a + b) * c),
  ),
  mapSpace(
    filterSpace(
      productSpace({ a: integerRange(2, 9), b: integerRange(2, 9), c: integerRange(1, 20) }),
      ({ a, b, c }) => c <= a * b,
    ),
    ({ a, b, c }) => whatIs(`${a} × ${b} − ${c}`, a * b - c),
  ),
  mapSpace(
    productSpace({ a: integerRange(1, 20), c: integerRange(2, 9), k: integerRange(2, 9) }),
    ({ a, c, k }) => whatIs(`${a} + ${c * k} ÷ ${c}`, a + k),
  ),
  mapSpace(
    filterSpace(
      productSpace({ a: integerRange(2, 9), b: integerRange(2, 15), c: integerRange(1, 14) }),
      ({ b, c }) => c < b,
    ),
    ({ a, b, c }) => whatIs(`${a} × (${b} − ${c})`, a * (b - c)),
  ),
  mapSpace(
    productSpace({
      a: integerRange(2, 9),
      b: integerRange(2, 9),
      c: integerRange(2, 9),
      d: integerRange(2, 9),
    }),
    ({ a, b, c, d }) => whatIs(`${a} × ${b} + ${c} × ${d}`, a * b + c * d),
  ),
);

const SIGNED_OPERAND = filterSpace(integerRange(-15, 15), (value) => value !== 0);

const ADD_SUBTRACT_NEGATIVES: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(
    filterSpace(productSpace({ a: SIGNED_OPERAND, b: SIGNED_OPERAND }), ({ a, b }) => a < 0 || b < 0),
    ({ a, b }) => whatIs(`${formatInteger(a)} + ${formatOperand(b)}`, a + b),
  ),
  mapSpace(
    filterSpace(
      productSpace({ a: SIGNED_OPERAND, b: SIGNED_OPERAND }),
      ({ a, b }) => a < 0 || b < 0 || a < b,
    ),
    ({ a, b }) => whatIs(`${formatInteger(a)} − ${formatOperand(b)}`, a - b),
  ),
);

const TABLE_FACTOR = filterSpace(integerRange(-12, 12), (value) => Math.abs(value) >= 2);

const MULTIPLY_DIVIDE_NEGATIVES: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(
    filterSpace(productSpace({ a: TABLE_FACTOR, b: TABLE_FACTOR }), ({ a, b }) => a < 0 || b < 0),
    ({ a, b }) => whatIs(`${formatInteger(a)} × ${formatOperand(b)}`, a * b),
  ),
  mapSpace(
    filterSpace(
      productSpace({ quotient: TABLE_FACTOR, divisor: TABLE_FACTOR }),
      ({ quotient, divisor }) => quotient < 0 || divisor < 0,
    ),
    ({ quotient, divisor }) =>
      whatIs(`${formatInteger(quotient * divisor)} ÷ ${formatOperand(divisor)}`, quotient),
  ),
);

/** Working with whole numbers and integers: order of operations, negative numbers, powers and roots. */
export const INTEGER_OPERATION_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'order-of-operations',
    title: 'Order of operations',
    description:
      'Evaluate expressions that mix brackets, multiplication, division, addition and subtraction.',
    prerequisites: ['multiplication-tables', 'division-facts', 'subtract-two-digit'],
    lesson: {
      text:
        'When a calculation mixes operations, work in this order: brackets first, then multiplication and division from left to right, then addition and subtraction from left to right. ' +
        'So 3 + 4 × 2 = 3 + 8 = 11, not 14. ' +
        'But (3 + 4) × 2 = 7 × 2 = 14, because the brackets come first.',
    },
    space: ORDER_OF_OPERATIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'add-subtract-negatives',
    title: 'Add and subtract negative numbers',
    description: 'Add and subtract integers, including negative ones, using the number line.',
    prerequisites: ['subtract-within-20'],
    lesson: {
      text:
        'On a number line, adding moves right and subtracting moves left. For −7 + 3, start at −7 and move 3 to the right: −4. ' +
        'Adding a negative number is the same as subtracting: 5 + (−3) = 5 − 3 = 2. ' +
        'Subtracting a negative number is the same as adding: 5 − (−3) = 5 + 3 = 8.',
    },
    space: ADD_SUBTRACT_NEGATIVES,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'multiply-divide-negatives',
    title: 'Multiply and divide negative numbers',
    description: 'Multiply and divide integers, getting the sign right.',
    prerequisites: ['add-subtract-negatives', 'division-facts'],
    lesson: {
      text:
        'Multiply or divide the sizes of the numbers as usual, then choose the sign: the same signs give a positive answer and different signs give a negative one. ' +
        'So −6 × 4 = −24, but −6 × (−4) = 24. ' +
        'Division follows the same rule: −24 ÷ 6 = −4 and −24 ÷ (−6) = 4.',
    },
    space: MULTIPLY_DIVIDE_NEGATIVES,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'exponents',
    title: 'Exponents',
    description: 'Evaluate whole-number powers such as 3⁴.',
    prerequisites: ['multiply-multi-digit'],
    lesson: {
      text:
        'An exponent says how many times to multiply the base by itself: 3⁴ = 3 × 3 × 3 × 3 = 81. ' +
        'Any number to the power 1 is itself, so 7¹ = 7. ' +
        'Any nonzero number to the power 0 is 1, so 5⁰ = 1.',
    },
    space: filterSpace(
      productSpace({ base: integerRange(2, 12), exponent: integerRange(0, 6) }),
      ({ base, exponent }) => base ** exponent <= 10000 && (exponent >= 2 || base <= 10),
    ),
    exercise: ({ base, exponent }) => whatIs(`${base}${formatSuperscript(exponent)}`, base ** exponent),
  }),
  defineSkill({
    slug: 'square-roots',
    title: 'Square roots',
    description: 'Find the square roots of perfect squares up to 900.',
    prerequisites: ['exponents'],
    lesson: {
      text:
        'The square root of a number is the number that, multiplied by itself, gives it. ' +
        '√49 = 7 because 7 × 7 = 49. ' +
        'Knowing the square numbers (1, 4, 9, 16, 25, 36 and so on) helps you find square roots quickly.',
    },
    space: integerRange(1, 30),
    exercise: (root) => whatIs(`√${root * root}`, root),
  }),
];
