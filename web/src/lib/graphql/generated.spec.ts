import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, OUTPUT_FILE } from '../../../scripts/graphql-codegen';

describe('the typed GraphQL client', () => {
  it('matches the committed contract: every operation validates against api/schema.gql and generated.ts is current', () => {
    const { source } = generate();
    assert.equal(readFileSync(OUTPUT_FILE, 'utf8'), source, 'generated.ts is stale: run `npm run codegen` in web/');
  });
  it('uses nothing the api has not shipped', () => assert.deepEqual(generate().pendingFields, []));
});
