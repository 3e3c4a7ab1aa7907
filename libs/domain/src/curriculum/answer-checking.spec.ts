import { isAnswerCorrect } from './answer-checking';
import { formatExpectedAnswer } from './answer-formatting';
import type { ExpectedAnswer } from './expected-answer';

type Case = [label: string, expected: ExpectedAnswer, accepted: string[], rejected: string[]];

const integer = (value: number): ExpectedAnswer => ({ kind: 'integer', value });
const fractionOf = (
  numerator: number,
  denominator: number,
  form: 'any' | 'lowest-terms' | 'mixed-number' | 'improper-fraction',
): ExpectedAnswer => ({
  kind: 'fraction',
  numerator,
  denominator,
  form,
});

const CASES: Case[] = [
  [
    'integer 7',
    integer(7),
    ['7', ' 7 ', '+7', '+ 7', '007', '7.0', '7.', '7.000', '\t7\n'],
    ['8', '6', '14/2', '7/1', '7.5', '7 0', 'seven', '7a', '1e1', '７'],
  ],
  [
    'integer −3',
    integer(-3),
    ['-3', '−3', '- 3', '–3', '-3.0', '-003', ' − 3 '],
    ['3', '+3', '--3', '+-3', '-+3', '3-', '-3-', '−−3'],
  ],
  [
    'integer 0',
    integer(0),
    ['0', '-0', '+0', '−0', '0.0', '-0.0', '000', '.0', '0.'],
    ['O', '-', '+', '.', '1', '-1', '0/1'],
  ],
  [
    'integer 12345',
    integer(12345),
    ['12345', '12,345', '12 345', '+12,345', '12,345.0', '12, 345'],
    ['1,2345', '12,34,5', '12.345', '12 34 5', '1 2345'],
  ],
  [
    'integer −1234567',
    integer(-1234567),
    ['-1,234,567', '−1 234 567', '-1234567'],
    ['-1,234 567', '-1,23,4567', '1,234,567'],
  ],
  [
    'quotient 7 remainder 3',
    { kind: 'quotient-remainder', quotient: 7, remainder: 3 },
    ['7 r 3', '7r3', '7 R 3', '7 rem 3', '7 remainder 3', '7 r. 3', '+7 r 3', ' 7  r  3 ', '07 r 03'],
    [
      '7',
      '7 r 4',
      '6 r 10',
      '7.75',
      '7 3/4',
      '31/4',
      '3 r 7',
      '7 r',
      'r 3',
      '7 r -3',
      '-7 r 3',
      '7 x 3',
      '7r3r',
    ],
  ],
  [
    'quotient 5 remainder 0',
    { kind: 'quotient-remainder', quotient: 5, remainder: 0 },
    ['5', '5 r 0', '5R0'],
    ['5 r 1', '5.0', '6', '10/2'],
  ],
  [
    'fraction 3/4 (any form)',
    fractionOf(3, 4, 'any'),
    ['3/4', '3 / 4', '6/8', '75/100', '3⁄4', '3∕4', '+3/4'],
    ['0.75', '.75', '4/3', '3/5', '3/0', '3/-4', '3//4', '3/4/1', '75%', '0 3/4'],
  ],
  [
    'fraction −3/4 (any form)',
    fractionOf(-3, 4, 'any'),
    ['-3/4', '−3/4', '-6/8', '- 3/4'],
    ['3/4', '3/-4', '-3/-4', '(-3)/4', '-0.75'],
  ],
  [
    'fraction 9/8 (any form)',
    fractionOf(9, 8, 'any'),
    ['9/8', '1 1/8', '18/16', '1 2/16', '1 1 / 8'],
    ['1.125', '11/8', '1 9/8', '1  1/8x', '1 0/8'],
  ],
  ['fraction 2 (any form)', fractionOf(2, 1, 'any'), ['2', '4/2', '2/1', '6/3'], ['2.0', '1 2/2', '3']],
  [
    'fraction 3/4 in lowest terms',
    fractionOf(3, 4, 'lowest-terms'),
    ['3/4', ' 3 / 4 ', '+3/4'],
    ['6/8', '9/12', '0.75', '4/3'],
  ],
  [
    'fraction 7/2 in lowest terms',
    fractionOf(7, 2, 'lowest-terms'),
    ['7/2', '3 1/2'],
    ['14/4', '3 2/4', '3.5'],
  ],
  [
    'fraction 11/4 as a mixed number',
    fractionOf(11, 4, 'mixed-number'),
    ['2 3/4', '2 6/8', '+2 3/4', '2  3/4'],
    ['11/4', '2.75', '23/4', '1 7/4', '2 3/4 1', '2-3/4'],
  ],
  [
    'fraction −11/4 as a mixed number',
    fractionOf(-11, 4, 'mixed-number'),
    ['-2 3/4', '−2 3/4'],
    ['2 3/4', '-11/4', '-2 -3/4'],
  ],
  [
    'fraction 3/4 as a mixed number (below 1)',
    fractionOf(3, 4, 'mixed-number'),
    ['3/4', '6/8'],
    ['0 3/4', '0.75'],
  ],
  [
    'fraction 11/4 as an improper fraction',
    fractionOf(11, 4, 'improper-fraction'),
    ['11/4', '22/8', ' 11 / 4 '],
    ['2 3/4', '2.75', '4/11'],
  ],
  [
    'decimal 0.375',
    { kind: 'decimal', numerator: 3, denominator: 8 },
    ['0.375', '.375', '0.3750', '+0.375', '00.375', ' 0.375 '],
    ['3/8', '0.38', '0,375', '0.375.', '.', '0.37 5', '0..375', '37.5%'],
  ],
  [
    'decimal 3',
    { kind: 'decimal', numerator: 3, denominator: 1 },
    ['3', '3.0', '3.00', '3.'],
    ['3/1', '2.99', '3.01'],
  ],
  [
    'decimal −2.5',
    { kind: 'decimal', numerator: -5, denominator: 2 },
    ['-2.5', '−2.50', '-02.5'],
    ['2.5', '-5/2', '-2 1/2', '-2,5'],
  ],
  [
    'percent 75%',
    { kind: 'percent', numerator: 3, denominator: 4 },
    ['75%', '75', '75 %', '75.0%', '+75%', '075%'],
    ['0.75', '3/4', '75%%', '%75', '7.5%', '750%', '75 percent'],
  ],
  [
    'percent 37.5%',
    { kind: 'percent', numerator: 3, denominator: 8 },
    ['37.5%', '37.50', '37.5'],
    ['37%', '38%', '0.375', '75/2%'],
  ],
  [
    'number 3/4',
    { kind: 'number', numerator: 3, denominator: 4 },
    ['3/4', '0.75', '.75', '6/8', '0.750', '75/100'],
    ['0.7', '75%', 'x=0.75', '0.76', '4/3'],
  ],
  [
    'number x = 20/3',
    { kind: 'number', numerator: 20, denominator: 3, variable: 'x' },
    ['20/3', '6 2/3', 'x = 20/3', 'X=20/3', 'x=6 2/3', 'x = 40/6'],
    ['6.67', '6.666666667', 'y = 20/3', 'x == 20/3', '20/3 = x', 'x', 'x=', '=20/3'],
  ],
  [
    'number x = −4',
    { kind: 'number', numerator: -4, denominator: 1, variable: 'x' },
    ['-4', 'x = -4', 'x=−4', '-4.0', '-8/2', 'x = - 4'],
    ['4', 'x = 4', 'x - 4', 'x-4', '-4x'],
  ],
  [
    'number x = 0',
    { kind: 'number', numerator: 0, denominator: 1, variable: 'x' },
    ['0', '-0', 'x = 0', '0/5', '0.0', 'x=-0'],
    ['x', 'o', 'x=o'],
  ],
  [
    'ratio 2:3',
    { kind: 'ratio', left: 2, right: 3 },
    ['2:3', '2 : 3', '2∶3', '2 to 3', '2 TO 3', '02:03'],
    ['4:6', '3:2', '2/3', '2:3:1', '2-3', '2:', ':3', '2;3', '-2:3'],
  ],
];

describe('isAnswerCorrect', () => {
  describe.each(CASES)('%s', (_label, expected, accepted, rejected) => {
    it('accepts the shown canonical answer', () => {
      expect(isAnswerCorrect(expected, formatExpectedAnswer(expected))).toBe(true);
    });

    it.each(accepted)('accepts %p', (given) => {
      expect(isAnswerCorrect(expected, given)).toBe(true);
    });

    it.each(rejected)('rejects %p', (given) => {
      expect(isAnswerCorrect(expected, given)).toBe(false);
    });
  });

  const GARBAGE = [
    '',
    '   ',
    'NaN',
    'Infinity',
    '-Infinity',
    '∞',
    '1e3',
    '1E3',
    '0x10',
    '0b11',
    'null',
    'undefined',
    '[object Object]',
    '1/0',
    '0/0',
    '½',
    '3;DROP TABLE users',
    '<script>alert(1)</script>',
    '\u0000',
    '🙂',
  ];
  const SAMPLE_ANSWERS = CASES.map(([, expected]) => expected);

  it.each(GARBAGE)('rejects the garbage %p for every kind of answer', (given) => {
    for (const expected of SAMPLE_ANSWERS) {
      expect(isAnswerCorrect(expected, given)).toBe(false);
    }
  });

  it.each([
    ['a malformed kind', { kind: 'essay' }],
    ['a fractional integer', { kind: 'integer', value: 1.5 }],
    ['a fraction not in lowest terms', { kind: 'fraction', numerator: 2, denominator: 4, form: 'any' }],
    ['a zero denominator', { kind: 'number', numerator: 1, denominator: 0 }],
    ['null', null],
  ])('never accepts anything for %s', (_label, expected) => {
    expect(isAnswerCorrect(expected as unknown as ExpectedAnswer, '1')).toBe(false);
    expect(isAnswerCorrect(expected as unknown as ExpectedAnswer, '1/2')).toBe(false);
  });

  it.each([[42], [null], [undefined], [{ toString: () => '7' }]])(
    'returns false for the non-string answer %p',
    (given) => {
      expect(isAnswerCorrect(integer(7), given as unknown as string)).toBe(false);
    },
  );

  it('rejects text over 1,024 characters even when it trims to the right answer', () => {
    expect(isAnswerCorrect(integer(7), `7${' '.repeat(1024)}`)).toBe(false);
    expect(isAnswerCorrect(integer(7), `7${' '.repeat(1023)}`)).toBe(true);
  });

  it('answers quickly on adversarial 1 KB inputs', () => {
    const inputs = [
      '1 '.repeat(512),
      '1,'.repeat(512),
      '1/'.repeat(512),
      '-'.repeat(1024),
      '9'.repeat(1024),
      `0.${'0'.repeat(1021)}1`,
      `${'1'.repeat(511)}/${'1'.repeat(512)}`,
      `${'1 '.repeat(300)}1/2`,
      `x=${'x='.repeat(511)}`,
      `7${'r'.repeat(1023)}`,
      `${'1'.repeat(1000)} r 1`,
      'a'.repeat(1024),
      ' '.repeat(1024),
      '1'.repeat(100_000),
    ];
    const started = performance.now();
    for (const given of inputs) {
      for (const expected of SAMPLE_ANSWERS) {
        expect(isAnswerCorrect(expected, given)).toBe(false);
      }
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
