import { integerAnswer, numberAnswer } from './expected-answer';
import {
  filterSpace,
  integerRange,
  mapSpace,
  productSpace,
  unionSpace,
  type ExerciseSpace,
} from './exercise-space';
import { fraction } from './fraction-arithmetic';
import { formatInteger, MINUS_SIGN } from './number-display';
import { defineSkill, type Exercise, type SkillDefinition } from './skill-definition';

/** ax + b written the way people write it: "3x + 4", "−x − 5", "2x" (b = 0). */
function formatLinear(coefficient: number, constant: number): string {
  const term =
    coefficient === 1 ? 'x' : coefficient === -1 ? `${MINUS_SIGN}x` : `${formatInteger(coefficient)}x`;
  if (constant === 0) {
    return term;
  }
  return constant > 0 ? `${term} + ${constant}` : `${term} ${MINUS_SIGN} ${-constant}`;
}

function solveFor(equation: string, solution: number): Exercise {
  return { prompt: `Solve for x: ${equation}`, expected: numberAnswer(fraction(solution), 'x') };
}

const nonZero = (min: number, max: number): ExerciseSpace<number> =>
  filterSpace(integerRange(min, max), (n) => n !== 0);
const COEFFICIENT = filterSpace(integerRange(-9, 9), (n) => Math.abs(n) >= 2);
const X_VALUE = nonZero(-10, 10);

function evaluate(expression: string, x: number, value: number): Exercise {
  return {
    prompt: `Evaluate ${expression} when x = ${formatInteger(x)}.`,
    expected: integerAnswer(value),
  };
}

const EVALUATE_EXPRESSIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(productSpace({ a: integerRange(2, 9), b: nonZero(-20, 20), x: X_VALUE }), ({ a, b, x }) =>
    evaluate(formatLinear(a, b), x, a * x + b),
  ),
  mapSpace(productSpace({ b: nonZero(-20, 20), x: X_VALUE }), ({ b, x }) =>
    evaluate(`x² ${b > 0 ? '+' : MINUS_SIGN} ${Math.abs(b)}`, x, x * x + b),
  ),
  mapSpace(productSpace({ a: integerRange(2, 9), b: integerRange(1, 9), x: X_VALUE }), ({ a, b, x }) =>
    evaluate(`${a}(x + ${b})`, x, a * (x + b)),
  ),
);

const ONE_STEP_EQUATIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(productSpace({ b: integerRange(1, 20), x: nonZero(-12, 12) }), ({ b, x }) =>
    solveFor(`x + ${b} = ${formatInteger(x + b)}`, x),
  ),
  mapSpace(productSpace({ b: integerRange(1, 20), x: nonZero(-12, 12) }), ({ b, x }) =>
    solveFor(`x ${MINUS_SIGN} ${b} = ${formatInteger(x - b)}`, x),
  ),
  mapSpace(
    productSpace({ a: filterSpace(integerRange(-9, 12), (n) => Math.abs(n) >= 2), x: nonZero(-12, 12) }),
    ({ a, x }) => solveFor(`${formatLinear(a, 0)} = ${formatInteger(a * x)}`, x),
  ),
  mapSpace(productSpace({ a: integerRange(2, 9), quotient: nonZero(-12, 12) }), ({ a, quotient }) =>
    solveFor(`x ÷ ${a} = ${formatInteger(quotient)}`, a * quotient),
  ),
);

const TWO_STEP_EQUATIONS: ExerciseSpace<Exercise> = unionSpace(
  mapSpace(productSpace({ a: COEFFICIENT, b: nonZero(-20, 20), x: integerRange(-10, 10) }), ({ a, b, x }) =>
    solveFor(`${formatLinear(a, b)} = ${formatInteger(a * x + b)}`, x),
  ),
  mapSpace(
    productSpace({ a: integerRange(2, 9), b: nonZero(-20, 20), quotient: nonZero(-10, 10) }),
    ({ a, b, quotient }) =>
      solveFor(
        `x ÷ ${a} ${b > 0 ? '+' : MINUS_SIGN} ${Math.abs(b)} = ${formatInteger(quotient + b)}`,
        a * quotient,
      ),
  ),
);

const VARIABLES_ON_BOTH_SIDES: ExerciseSpace<Exercise> = mapSpace(
  filterSpace(
    productSpace({
      a: integerRange(2, 9),
      c: integerRange(1, 9),
      b: integerRange(-15, 15),
      x: integerRange(-10, 10),
    }),
    ({ a, c }) => a !== c,
  ),
  ({ a, c, b, x }) => solveFor(`${formatLinear(a, b)} = ${formatLinear(c, (a - c) * x + b)}`, x),
);

/** Expressions and linear equations. */
export const ALGEBRA_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'evaluate-expressions',
    title: 'Evaluate expressions',
    description: 'Substitute a value for x and work out the expression.',
    prerequisites: ['order-of-operations', 'multiply-divide-negatives', 'exponents'],
    lesson: {
      text:
        'To evaluate an expression, replace the letter with its value, putting brackets around a negative number, then follow the order of operations. ' +
        'For 3x + 4 when x = −2: 3 × (−2) + 4 = −6 + 4 = −2. ' +
        'For x² + 1 when x = −3: (−3)² + 1 = 9 + 1 = 10.',
    },
    space: EVALUATE_EXPRESSIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'one-step-equations',
    title: 'One-step equations',
    description: 'Solve equations like x + 7 = 12 or 3x = 21 with one inverse operation.',
    prerequisites: ['add-subtract-negatives', 'multiply-divide-negatives'],
    lesson: {
      text:
        'An equation is a balance: whatever you do to one side, do to the other. ' +
        'Undo what was done to x with the opposite operation. For x + 7 = 12, subtract 7 from both sides: x = 5. ' +
        'For 3x = 21, divide both sides by 3: x = 7. Check by putting your answer back into the equation.',
    },
    space: ONE_STEP_EQUATIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'two-step-equations',
    title: 'Two-step equations',
    description: 'Solve equations like 3x + 4 = 19 in two steps.',
    prerequisites: ['one-step-equations', 'order-of-operations'],
    lesson: {
      text:
        'Undo the steps in reverse order: first the adding or subtracting, then the multiplying or dividing. ' +
        'For 3x + 4 = 19, subtract 4 from both sides to get 3x = 15, then divide both sides by 3 to get x = 5. ' +
        'Check: 3 × 5 + 4 = 19.',
    },
    space: TWO_STEP_EQUATIONS,
    exercise: (exercise) => exercise,
  }),
  defineSkill({
    slug: 'equations-with-variables-on-both-sides',
    title: 'Equations with variables on both sides',
    description: 'Solve equations like 5x + 3 = 2x + 18 by collecting the x terms on one side.',
    prerequisites: ['two-step-equations'],
    lesson: {
      text:
        'Collect the x terms on one side and the numbers on the other, doing the same to both sides each time. ' +
        'For 5x + 3 = 2x + 18, subtract 2x from both sides: 3x + 3 = 18. Then subtract 3: 3x = 15, so x = 5. ' +
        'Check: 5 × 5 + 3 = 28 and 2 × 5 + 18 = 28.',
    },
    space: VARIABLES_ON_BOTH_SIDES,
    exercise: (exercise) => exercise,
  }),
];
