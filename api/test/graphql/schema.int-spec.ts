import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { startTestApi, type TestApi } from '../support/test-api';

const SCHEMA_FILE = 'api/schema.gql';

/**
 * The code-first schema is committed (STYLE.md habit 15) so contract changes show in review.
 * `npm run schema:update` rewrites it; this test fails whenever the committed file is stale.
 */
describe('committed GraphQL schema', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('equals the schema the code generates', () => {
    const generated = printSchema(api.app.get(GraphQLSchemaHost).schema) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
