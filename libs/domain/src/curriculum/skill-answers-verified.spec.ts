/**
 * Solves every generated prompt independently — with a small exact evaluator written here, not the
 * generators' own arithmetic — and checks the stored answer against it.
 */
import { CURRICULUM } from './curriculum';
import type { ExpectedAnswer } from './expected-answer';

const SEEDS = 2000;

type Q = { n: bigint; d: bigint };

const q = (n: bigint, d = 1n): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => {
  if (b.n === 0n) throw new Error('division by zero in a prompt');
  return q(a.n * b.d, a.d * b.n);
};
const same = (a: Q, b: Q): boolean => a.n * b.d === b.n * a.d;
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Parses a decimal or integer literal exactly. */
function literal(text: string): Q {
  const [whole, digits = ''] = text.split('.');
  return q(BigInt(whole + digits), 10n ** BigInt(digits.length));
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const TOKEN = /\s*(\d+\/\d+|\d+(?:\.\d+)?|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[−+×÷/()√x%])/y;

/**
 * Evaluates the prompts' expression language: + − × ÷, brackets, "3/4" fraction literals (binding tighter
 * than ÷, so 3/4 ÷ 1/8 = 6), "/" as division next to x ("x/20"), decimals,
 * superscript powers, √, a trailing %, and x with implicit multiplication ("3x", "2(x + 1)").
 */
function evaluate(expression: string, x?: Q): Q {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    const match = TOKEN.exec(expression);
    if (!match) throw new Error(`cannot read ${JSON.stringify(expression)} at ${TOKEN.lastIndex}`);
    tokens.push(match[1]);
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
  }
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (): string => tokens[position++];

  const sum = (): Q => {
    let value = product();
    while (peek() === '+' || peek() === '−')
      value = take() === '+' ? add(value, product()) : sub(value, product());
    return value;
  };
  const product = (): Q => {
    let value = unary();
    for (;;) {
      if (peek() === '×') {
        take();
        value = mul(value, unary());
      } else if (peek() === '÷' || peek() === '/') {
        take();
        value = div(value, unary());
      } else if (peek() === 'x' || peek() === '(') {
        value = mul(value, power());
      } else {
        return value;
      }
    }
  };
  const unary = (): Q => (peek() === '−' ? (take(), mul(q(-1n), unary())) : power());
  const power = (): Q => {
    let value = primary();
    const next = peek();
    if (next !== undefined && SUPERSCRIPTS.includes(next[0])) {
      const exponent = Number([...take()].map((c) => SUPERSCRIPTS.indexOf(c)).join(''));
      let result = q(1n);
      for (let i = 0; i < exponent; i += 1) result = mul(result, value);
      value = result;
    }
    if (peek() === '%') {
      take();
      value = div(value, q(100n));
    }
    return value;
  };
  const primary = (): Q => {
    const token = take();
    if (token === '(') {
      const value = sum();
      if (take() !== ')') throw new Error(`unbalanced ${expression}`);
      return value;
    }
    if (token === '√') {
      const radicand = primary();
      const root = BigInt(Math.round(Math.sqrt(Number(radicand.n) / Number(radicand.d))));
      if (!same(mul(q(root), q(root)), radicand)) throw new Error(`${expression} is not a perfect square`);
      return q(root);
    }
    if (token === 'x') {
      if (x === undefined) throw new Error(`x without a value in ${expression}`);
      return x;
    }
    if (token !== undefined && /^\d+\/\d+$/.test(token)) {
      const [top, bottom] = token.split('/');
      return q(BigInt(top), BigInt(bottom));
    }
    if (token !== undefined && /^\d/.test(token)) return literal(token);
    throw new Error(`unexpected ${String(token)} in ${expression}`);
  };

  const value = sum();
  if (position !== tokens.length) throw new Error(`trailing tokens in ${expression}`);
  return value;
}

/** The value of a numeric expected answer. */
function valueOf(expected: ExpectedAnswer): Q {
  switch (expected.kind) {
    case 'integer':
      return q(BigInt(expected.value));
    case 'fraction':
    case 'decimal':
    case 'percent':
    case 'number':
      return q(BigInt(expected.numerator), BigInt(expected.denominator));
    default:
      throw new Error(`${expected.kind} has no single value`);
  }
}

const mixed = (whole: string, top: string, bottom: string): Q =>
  add(q(BigInt(whole)), q(BigInt(top), BigInt(bottom)));

/** Prompt shapes, each with the check that the stored answer solves it. A prompt must match one. */
const SOLVERS: [RegExp, (match: RegExpExecArray, expected: ExpectedAnswer) => boolean][] = [
  [
    /^What is (\d+) ÷ (\d+)\? Write the quotient, then r, then the remainder\.$/,
    ([, dividend, divisor], expected) =>
      expected.kind === 'quotient-remainder' &&
      expected.quotient * Number(divisor) + expected.remainder === Number(dividend) &&
      expected.remainder < Number(divisor),
  ],
  [
    /^What is (\d+)% of (\d+)\?$/,
    ([, percent, amount], expected) => same(valueOf(expected), evaluate(`${percent}% × ${amount}`)),
  ],
  [
    /^What is (.+?)\?( Give your answer as a fraction\.)?$/,
    ([, expression, asFraction], expected) =>
      (asFraction === undefined || expected.kind === 'fraction') &&
      same(valueOf(expected), evaluate(expression)),
  ],
  [
    /^Fill in the missing number: (\d+\/\d+) = \?\/(\d+)$/,
    ([, left, bottom], e) => same(evaluate(left), div(valueOf(e), q(BigInt(bottom)))) && e.kind === 'integer',
  ],
  [
    /^Fill in the missing number: (\d+\/\d+) = (\d+)\/\?$/,
    ([, left, top], e) => same(evaluate(left), div(q(BigInt(top)), valueOf(e))) && e.kind === 'integer',
  ],
  [
    /^Simplify (\d+)\/(\d+) to lowest terms\.$/,
    ([, top, bottom], e) =>
      e.kind === 'fraction' && e.form === 'lowest-terms' && same(valueOf(e), q(BigInt(top), BigInt(bottom))),
  ],
  [
    /^Write (\d+\/\d+) as a mixed number\.$/,
    ([, value], e) => e.kind === 'fraction' && e.form === 'mixed-number' && same(valueOf(e), evaluate(value)),
  ],
  [
    /^Write (\d+) (\d+)\/(\d+) as an improper fraction\.$/,
    ([, whole, top, bottom], e) =>
      e.kind === 'fraction' && e.form === 'improper-fraction' && same(valueOf(e), mixed(whole, top, bottom)),
  ],
  [
    /^Write (.+) as a decimal\.$/,
    ([, value], e) => e.kind === 'decimal' && same(valueOf(e), evaluate(value)),
  ],
  [
    /^Write (.+) as a fraction\.$/,
    ([, value], e) => e.kind === 'fraction' && same(valueOf(e), evaluate(value)),
  ],
  [
    /^Write (.+) as a percent\.$/,
    ([, value], e) => e.kind === 'percent' && same(valueOf(e), evaluate(value)),
  ],
  [
    /^Write the ratio (\d+):(\d+) in simplest form\.$/,
    ([, left, right], e) =>
      e.kind === 'ratio' &&
      gcd(BigInt(e.left), BigInt(e.right)) === 1n &&
      BigInt(e.left) * BigInt(right) === BigInt(e.right) * BigInt(left),
  ],
  [
    /^Evaluate (.+) when x = (−?\d+)\.$/,
    ([, expression, x], e) => same(valueOf(e), evaluate(expression, evaluate(x))),
  ],
  [
    /^Solve for x: (.+) = (.+?)(?:\. If x is not a whole number, give it as a fraction or a decimal\.)?$/,
    ([, left, right], e) => {
      const x = valueOf(e);
      const other = add(x, q(1n));
      // x solves it, and x + 1 does not: the equation pins x down rather than holding for every x.
      return (
        e.kind === 'number' &&
        e.variable === 'x' &&
        same(evaluate(left, x), evaluate(right, x)) &&
        !same(evaluate(left, other), evaluate(right, other))
      );
    },
  ],
];

describe.each(CURRICULUM.map((skill) => [skill.slug, skill] as const))('%s', (_slug, skill) => {
  it(`has the right answer to each of ${SEEDS} prompts, checked by an independent evaluator`, () => {
    const failures: string[] = [];
    for (let seed = 0; seed < SEEDS; seed += 1) {
      const { prompt, expected } = skill.generate(seed);
      const solver = SOLVERS.find(([pattern]) => pattern.test(prompt));
      if (!solver) {
        failures.push(`no solver understands ${JSON.stringify(prompt)}`);
        continue;
      }
      try {
        if (!solver[1](solver[0].exec(prompt) as RegExpExecArray, expected)) {
          failures.push(`${prompt} → ${JSON.stringify(expected)} is wrong`);
        }
      } catch (error) {
        failures.push(`${prompt}: ${(error as Error).message}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe('the independent evaluator', () => {
  it.each([
    ['3 + 4 × 2', q(11n)],
    ['(3 + 4) × 2', q(14n)],
    ['3/4 ÷ 1/8', q(6n)],
    ['−6 × (−4)', q(24n)],
    ['5 − (−3)', q(8n)],
    ['3⁴', q(81n)],
    ['√144', q(12n)],
    ['12.5 × 0.4', q(5n)],
    ['45%', q(9n, 20n)],
  ])('evaluates %s', (expression, value) => {
    expect(same(evaluate(expression), value)).toBe(true);
  });

  it.each([
    ['3x + 4', '2', q(10n)],
    ['−x − 5', '−3', q(-2n)],
    ['2(x + 3)', '−3', q(0n)],
    ['x² − 5', '−3', q(4n)],
    ['x ÷ 4 + 1', '8', q(3n)],
    ['x/20', '15', q(3n, 4n)],
    ['17/x', '34', q(1n, 2n)],
  ])('evaluates %s at x = %s', (expression, x, value) => {
    expect(same(evaluate(expression, evaluate(x)), value)).toBe(true);
  });
});
