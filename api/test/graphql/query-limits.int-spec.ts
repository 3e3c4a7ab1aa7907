import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { loadAppConfig } from '../../src/config/app-config';
import { buildGraphQLOptions } from '../../src/graphql/graphql-options';
import { SharedResponseCache } from '../../src/graphql/shared-responses';

// A recursive schema, so depth can be tested beyond what today's Peerlift schema allows.
const schema = buildSchema(`
  type Node { id: ID! child: Node children(first: Int): [Node!]! }
  type Query { node: Node }
`);
const rules = buildGraphQLOptions(
  loadAppConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) }),
  new SharedResponseCache(),
).validationRules!;
const errorsOf = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message);
const nested = (depth: number) => `{ node { ${'child { '.repeat(depth)} id ${'} '.repeat(depth)} } }`;

describe('query limits', () => {
  // `node`, then N × `child`, then `id`: N + 2 levels.
  it.each([
    [7, 0],
    [8, 0],
    [9, 1],
    [20, 1],
  ])('a query with %i nested children has %i depth errors', (depth, count) => {
    expect(errorsOf(nested(depth)).filter((m) => /depth/i.test(m))).toHaveLength(count);
  });

  it.each([
    [5, 0],
    [6, 1],
  ])('%i aliases give %i alias errors', (n, count) => {
    const query = `{ ${Array.from({ length: n }, (_, i) => `a${i}: node { id }`).join(' ')} }`;
    expect(errorsOf(query).filter((m) => /alias/i.test(m))).toHaveLength(count);
  });

  it('refuses a query whose cost is over the limit even within depth and alias limits', () => {
    const fields = 'id child { id child { id } }';
    const modest = `{ node { children { ${fields} children { ${fields} } } } }`;
    const expensive = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: node { children(first: 100) { ${fields} children(first: 100) { ${fields} } } }`).join(' ')} }`;
    expect(errorsOf(modest)).toEqual([]);
    const errors = errorsOf(expensive);
    expect(errors.some((m) => /cost/i.test(m))).toBe(true);
    expect(errors.some((m) => /depth|alias/i.test(m))).toBe(false);
  });
});
