import { errorCode, type GraphQLResponse } from '@peerlift/testing';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';

const post = (api: TestApi, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('GraphQL limits (development)', () => {
  let api: TestApi;
  let learner: LearnerSession;
  beforeAll(async () => {
    api = await startTestApi();
    learner = await LearnerSession.signUp(api);
  });
  afterAll(() => api.close());

  it('accepts the largest legitimate query: a top-100 leaderboard written as a literal', async () => {
    const res = await learner.gql(
      `{ leaderboard(scope: GLOBAL, period: ALL_TIME, first: 100) { entries { rank handle points } me { rank points } around { rank handle points } } }`,
    );
    expect(res.errors).toBeUndefined();
  });

  it('refuses more than five aliases', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await learner.gql(`{ ${aliases} }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/alias/i);
  });

  it('refuses batched requests', async () => {
    const res = await post(api, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('refuses bodies over 64 KB before parsing them, as a GraphQL error', async () => {
    const res = await post(api, { query: `{ __typename }`, variables: { pad: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(errorCode((await res.json()) as GraphQLResponse<unknown>)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses simple GET requests that could be cross-site (CSRF prevention)', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });

  it('answers malformed JSON and GraphQL with stable codes', async () => {
    for (const body of ['{not json', '', '{"query": "{ __typename }"']) {
      const res = await post(api, body);
      expect(res.status).toBe(400);
      expect(errorCode((await res.json()) as GraphQLResponse<unknown>)).toBe('BAD_REQUEST');
    }
    const parse = await learner.gql('{ me { id ');
    expect(errorCode(parse)).toBe('GRAPHQL_PARSE_FAILED');
    expect(parse.status).toBe(400);
  });

  it('refuses documents with more than 2,000 tokens', async () => {
    const res = await learner.gql(`{ me { ${'id '.repeat(2100)} } }`);
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors![0].message).toMatch(/token/i);
  });
});

describe('GraphQL in production mode', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('turns introspection off', async () => {
    const res = await api.gql(`{ __schema { types { name } } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no "did you mean" hints and no stack traces', async () => {
    const res = await api.gql(`{ mee { id } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/did you mean/i);
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
