import { canonicalJson, definitionChange, definitionHash } from './definition-hash';
import { correctFeedbackWording } from './definitions/correct-feedback-wording';
import type { ExperimentDefinition } from './experiment-definition';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[{ b: 2, a: 1 }], '[{"a":1,"b":2}]'],
  ])('sorts keys at every level and drops undefined: %j', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('definitionHash', () => {
  it('is the same whatever order the fields are written in', () => {
    const reordered = Object.fromEntries(
      Object.entries(correctFeedbackWording).reverse(),
    ) as ExperimentDefinition;
    expect(definitionHash(reordered)).toBe(definitionHash(correctFeedbackWording));
    expect(definitionHash(correctFeedbackWording)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('survives a round trip through JSON (as stored in Postgres jsonb)', () => {
    const stored = JSON.parse(JSON.stringify(correctFeedbackWording)) as ExperimentDefinition;
    expect(definitionHash(stored)).toBe(definitionHash(correctFeedbackWording));
  });
});

describe('definitionChange', () => {
  const locked = correctFeedbackWording;
  it.each<[string, Partial<ExperimentDefinition>, string]>([
    ['nothing', {}, 'none'],
    ['only the weights', { weights: [0.5, 0.25, 0.25] }, 'weights-only'],
    [
      'a variation value',
      { variations: [...locked.variations.slice(0, 2), { ...locked.variations[2], value: 'Nice!' }] },
      'other',
    ],
    ['the seed', { seed: 'reshuffle' }, 'other'],
    ['the weights and a guardrail', { weights: [0.5, 0.25, 0.25], guardrailMetrics: ['accuracy'] }, 'other'],
  ])('classifies a change of %s', (_label, edit, expected) => {
    expect(definitionChange(locked, { ...locked, ...edit })).toBe(expected);
  });
});
