import { integerAnswer } from './expected-answer';
import { filterSpace, integerRange, productSpace } from './exercise-space';
import { defineSkill, type SkillDefinition } from './skill-definition';

/** Adding and subtracting whole numbers, from counting on within 10 to column methods with four digits. */
export const ADDITION_SUBTRACTION_SKILLS: readonly SkillDefinition[] = [
  defineSkill({
    slug: 'add-within-10',
    title: 'Add within 10',
    description: 'Add two whole numbers whose total is at most 10.',
    prerequisites: [],
    lesson: {
      text:
        'Adding means putting two groups together and finding how many there are altogether. ' +
        'Start at the bigger number and count on by the smaller one. ' +
        'For 3 + 5, start at 5 and count on three more: 6, 7, 8. So 3 + 5 = 8.',
    },
    space: filterSpace(
      productSpace({ a: integerRange(0, 10), b: integerRange(0, 10) }),
      ({ a, b }) => a + b <= 10,
    ),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} + ${b}?`, expected: integerAnswer(a + b) }),
  }),
  defineSkill({
    slug: 'subtract-within-10',
    title: 'Subtract within 10',
    description: 'Take a number away from a number up to 10.',
    prerequisites: ['add-within-10'],
    lesson: {
      text:
        'Subtracting means taking away. Start at the first number and count back by the second. ' +
        'For 9 − 4, count back four from 9: 8, 7, 6, 5. So 9 − 4 = 5. ' +
        'You can check with addition: 5 + 4 = 9.',
    },
    space: filterSpace(
      productSpace({ a: integerRange(0, 10), b: integerRange(0, 10) }),
      ({ a, b }) => b <= a,
    ),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} − ${b}?`, expected: integerAnswer(a - b) }),
  }),
  defineSkill({
    slug: 'add-within-20',
    title: 'Add within 20',
    description: 'Add two single-digit numbers whose total is 10 or more.',
    prerequisites: ['add-within-10'],
    lesson: {
      text:
        'When two single digits add up to more than 10, make a ten first. ' +
        'For 8 + 5, split the 5 into 2 and 3: 8 + 2 = 10, then 10 + 3 = 13. So 8 + 5 = 13.',
    },
    space: filterSpace(
      productSpace({ a: integerRange(1, 9), b: integerRange(1, 9) }),
      ({ a, b }) => a + b >= 10,
    ),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} + ${b}?`, expected: integerAnswer(a + b) }),
  }),
  defineSkill({
    slug: 'subtract-within-20',
    title: 'Subtract within 20',
    description: 'Subtract a single digit from a teen number, crossing ten.',
    prerequisites: ['subtract-within-10', 'add-within-20'],
    lesson: {
      text:
        'To subtract across ten, go back to 10 first and then keep going. ' +
        'For 13 − 5, split the 5 into 3 and 2: 13 − 3 = 10, then 10 − 2 = 8. So 13 − 5 = 8. ' +
        'Check: 8 + 5 = 13.',
    },
    space: filterSpace(
      productSpace({ a: integerRange(11, 18), b: integerRange(2, 9) }),
      ({ a, b }) => a - b < 10,
    ),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} − ${b}?`, expected: integerAnswer(a - b) }),
  }),
  defineSkill({
    slug: 'add-two-digit',
    title: 'Add two-digit numbers',
    description: 'Add two two-digit numbers, carrying when the ones make ten or more.',
    prerequisites: ['add-within-20'],
    lesson: {
      text:
        'Add the ones, then the tens. If the ones make 10 or more, carry the ten over to the tens column. ' +
        'For 47 + 38: 7 + 8 = 15, so write 5 and carry 1. Then 4 + 3 + 1 = 8 tens. So 47 + 38 = 85.',
    },
    space: productSpace({ a: integerRange(10, 99), b: integerRange(10, 99) }),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} + ${b}?`, expected: integerAnswer(a + b) }),
  }),
  defineSkill({
    slug: 'subtract-two-digit',
    title: 'Subtract two-digit numbers',
    description: 'Subtract two-digit numbers, borrowing a ten when needed.',
    prerequisites: ['subtract-within-20', 'add-two-digit'],
    lesson: {
      text:
        'Subtract the ones, then the tens. If the top ones digit is too small, borrow one ten and turn it into ten ones. ' +
        'For 52 − 27: 2 − 7 does not work, so borrow: 12 − 7 = 5, and the 5 tens become 4. ' +
        'Then 4 − 2 = 2 tens, so 52 − 27 = 25. Check: 25 + 27 = 52.',
    },
    space: filterSpace(
      productSpace({ a: integerRange(11, 99), b: integerRange(10, 98) }),
      ({ a, b }) => b < a,
    ),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} − ${b}?`, expected: integerAnswer(a - b) }),
  }),
  defineSkill({
    slug: 'add-multi-digit',
    title: 'Add multi-digit numbers',
    description: 'Add numbers with up to four digits in columns.',
    prerequisites: ['add-two-digit'],
    lesson: {
      text:
        'Line the numbers up by place value — ones under ones, tens under tens — and add each column from the right, carrying when a column makes 10 or more. ' +
        'For 2468 + 357: 8 + 7 = 15 (write 5, carry 1); 6 + 5 + 1 = 12 (write 2, carry 1); 4 + 3 + 1 = 8; and the 2 thousands stay. ' +
        'So 2468 + 357 = 2825.',
    },
    space: productSpace({ a: integerRange(100, 9999), b: integerRange(100, 9999) }),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} + ${b}?`, expected: integerAnswer(a + b) }),
  }),
  defineSkill({
    slug: 'subtract-multi-digit',
    title: 'Subtract multi-digit numbers',
    description: 'Subtract a three-digit number from a four-digit number in columns.',
    prerequisites: ['subtract-two-digit', 'add-multi-digit'],
    lesson: {
      text:
        'Line the numbers up by place value and subtract each column from the right, borrowing from the next column when needed. ' +
        'For 4002 − 365 you must borrow across zeros: 4002 is 3 thousands, 9 hundreds, 9 tens and 12 ones. ' +
        'Then 12 − 5 = 7, 9 − 6 = 3, 9 − 3 = 6 and 3 thousands remain, so 4002 − 365 = 3637. Check: 3637 + 365 = 4002.',
    },
    space: productSpace({ a: integerRange(1000, 9999), b: integerRange(100, 999) }),
    exercise: ({ a, b }) => ({ prompt: `What is ${a} − ${b}?`, expected: integerAnswer(a - b) }),
  }),
];
