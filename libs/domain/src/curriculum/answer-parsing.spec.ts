import { bigGcd, normalizeAnswerText, parseExactNumber, type NumberNotation } from './answer-parsing';

describe('normalizeAnswerText', () => {
  it.each([
    ['  7  ', '7'],
    ['− 3', '-3'],
    ['–3', '-3'],
    ['3 ⁄ 4', '3/4'],
    ['1  1/2', '1 1/2'],
    ['12 345', '12 345'],
    ['X = 5', 'x=5'],
    ['7 R 3', '7r3'],
    ['2 ∶ 3', '2:3'],
    ['75 %', '75%'],
    ['＋4', '+4'],
    ['\t1\u00a0000\n', '1 000'],
  ])('normalises %p to %p', (raw, normalised) => {
    expect(normalizeAnswerText(raw)).toBe(normalised);
  });

  it.each([['x'.repeat(1025)], [42], [undefined]])('refuses %p (too long or not text)', (raw) => {
    expect(normalizeAnswerText(raw)).toBeUndefined();
  });
});

describe('parseExactNumber', () => {
  it.each<[string, bigint, bigint, NumberNotation, boolean]>([
    ['7', 7n, 1n, 'integer', true],
    ['-7', -7n, 1n, 'integer', true],
    ['+7', 7n, 1n, 'integer', true],
    ['007', 7n, 1n, 'integer', true],
    ['-0', 0n, 1n, 'integer', true],
    ['12,345', 12345n, 1n, 'integer', true],
    ['12 345', 12345n, 1n, 'integer', true],
    ['0.75', 75n, 100n, 'decimal', true],
    ['.5', 5n, 10n, 'decimal', true],
    ['5.', 5n, 1n, 'decimal', true],
    ['-1,234.5', -12345n, 10n, 'decimal', true],
    ['3/4', 3n, 4n, 'fraction', true],
    ['6/8', 6n, 8n, 'fraction', false],
    ['-3/4', -3n, 4n, 'fraction', true],
    ['0/5', 0n, 5n, 'fraction', false],
    ['1 1/2', 3n, 2n, 'mixed', true],
    ['-2 3/4', -11n, 4n, 'mixed', true],
    ['2 2/4', 10n, 4n, 'mixed', false],
  ])('reads %p as %p/%p (%s, lowest terms %p)', (text, numerator, denominator, notation, inLowestTerms) => {
    expect(parseExactNumber(text)).toEqual({ numerator, denominator, notation, inLowestTerms });
  });

  it.each([
    '',
    '-',
    '+',
    '.',
    '--1',
    '+-1',
    '1-',
    '1e3',
    'nan',
    'infinity',
    '0x1f',
    '1,2',
    '1,23',
    '1,234 567',
    '12 34',
    '0,75',
    '1.2.3',
    '1.2,3',
    '3/0',
    '3/-4',
    '1.5/2',
    '1/2/3',
    '1 3/2',
    '0 1/2',
    '1 0/2',
    '1 1 1/2',
    '(1)',
    '1 .5',
  ])('rejects %p', (text) => {
    expect(parseExactNumber(text)).toBeUndefined();
  });
});

describe('bigGcd', () => {
  it.each([
    [12n, 18n, 6n],
    [-12n, 18n, 6n],
    [7n, 0n, 7n],
    [0n, 0n, 0n],
    [10n ** 30n, 10n ** 20n * 3n, 10n ** 20n],
  ])('gcd(%p, %p) = %p', (a, b, divisor) => {
    expect(bigGcd(a, b)).toBe(divisor);
  });
});
