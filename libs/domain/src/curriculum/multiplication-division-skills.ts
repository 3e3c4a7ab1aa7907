import { integerAnswer, quotientRemainderAnswer } from './expected-answer';
import { filterSpace, integerRange, productSpace } from './exercise-space';
import { defineSkill, type SkillDefinition } from './skill-definition';

/** Multiplying and dividing whole numbers, from the times tables to long multiplication and division. */
export const MULTIPLICATION_DIVISION_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'multiplication-tables',
    title: 'Multiplication tables',
    description: 'Know the times tables up to 12 × 12.',
    prerequisites: ['add-within-20'],
    lesson: {
      text:
        'Multiplying is adding equal groups: 4 × 3 means four groups of 3, so 4 × 3 = 3 + 3 + 3 + 3 = 12. ' +
        'The order does not matter, so 3 × 4 is also 12. ' +
        'Learning the tables by heart makes every later skill faster.',
    },
    space: productSpace({ a: integerRange(1, 12), b: integerRange(1, 12) }),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} × ${b}?`, expected: integerAnswer(a * b) }),
  }),
  defineSkill({
    slug: 'division-facts',
    title: 'Division facts',
    description: 'Divide exactly using the times tables.',
    prerequisites: ['multiplication-tables', 'subtract-within-20'],
    lesson: {
      text:
        'Division undoes multiplication. To work out 56 ÷ 8, ask: 8 times what makes 56? ' +
        'Since 8 × 7 = 56, the answer is 7.',
    },
    space: productSpace({ quotient: integerRange(1, 12), divisor: integerRange(2, 12) }),
    exercise: ({ quotient, divisor }) => ({
      prompt: `What is ${quotient * divisor} ÷ ${divisor}?`,
      expected: integerAnswer(quotient),
    }),
  }),
  defineSkill({
    slug: 'multiply-by-one-digit',
    title: 'Multiply by a one-digit number',
    description: 'Multiply a number of up to three digits by a single digit, carrying as you go.',
    prerequisites: ['multiplication-tables', 'add-two-digit'],
    lesson: {
      text:
        'Multiply each digit from the right by the single digit, carrying the tens to the next column. ' +
        'For 243 × 4: 3 × 4 = 12 (write 2, carry 1); 4 × 4 + 1 = 17 (write 7, carry 1); 2 × 4 + 1 = 9. ' +
        'So 243 × 4 = 972.',
    },
    space: productSpace({ a: integerRange(11, 999), b: integerRange(2, 9) }),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} × ${b}?`, expected: integerAnswer(a * b) }),
  }),
  defineSkill({
    slug: 'multiply-multi-digit',
    title: 'Multiply multi-digit numbers',
    description: 'Multiply a number of up to three digits by a two-digit number.',
    prerequisites: ['multiply-by-one-digit', 'add-multi-digit'],
    lesson: {
      text:
        'Split the second number into tens and ones, multiply by each part, then add the results. ' +
        'For 34 × 26: 34 × 6 = 204 and 34 × 20 = 680, so 34 × 26 = 204 + 680 = 884.',
    },
    space: productSpace({ a: integerRange(11, 999), b: integerRange(11, 99) }),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} × ${b}?`, expected: integerAnswer(a * b) }),
  }),
  defineSkill({
    slug: 'divide-with-remainder',
    title: 'Divide with remainders',
    description: 'Divide by a single digit when something is left over, giving quotient and remainder.',
    prerequisites: ['division-facts', 'subtract-two-digit'],
    lesson: {
      text:
        'Sometimes a number does not divide exactly and something is left over: the remainder. ' +
        'For 23 ÷ 5, find the biggest multiple of 5 that fits: 5 × 4 = 20. ' +
        'That leaves 23 − 20 = 3, so 23 ÷ 5 = 4 r 3. The remainder is always smaller than the number you divide by.',
    },
    space: filterSpace(
      productSpace({
        divisor: integerRange(2, 9),
        quotient: integerRange(2, 20),
        remainder: integerRange(1, 8),
      }),
      ({ divisor, remainder }) => remainder < divisor,
    ),
    exercise: ({ divisor, quotient, remainder }) => ({
      prompt:
        `What is ${quotient * divisor + remainder} ÷ ${divisor}? ` +
        'Write the quotient, then r, then the remainder.',
      expected: quotientRemainderAnswer(quotient, remainder),
    }),
  }),
  defineSkill({
    slug: 'divide-multi-digit',
    title: 'Long division',
    description: 'Divide a number of up to four digits exactly by a single digit.',
    prerequisites: ['divide-with-remainder', 'multiply-by-one-digit'],
    lesson: {
      text:
        'Divide from the left one digit at a time, carrying any remainder into the next digit. ' +
        'For 852 ÷ 4: 8 ÷ 4 = 2; 5 ÷ 4 = 1 r 1, so carry the 1 to make 12; 12 ÷ 4 = 3. ' +
        'So 852 ÷ 4 = 213. Check: 213 × 4 = 852.',
    },
    space: productSpace({ quotient: integerRange(12, 999), divisor: integerRange(2, 9) }),
    exercise: ({ quotient, divisor }) => ({
      prompt: `What is ${quotient * divisor} ÷ ${divisor}?`,
      expected: integerAnswer(quotient),
    }),
  }),
];
