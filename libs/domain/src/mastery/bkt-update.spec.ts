import {
  type BktParams,
  DEFAULT_BKT_PARAMS,
  assertValidBktParams,
  updateKnowledgeEstimate,
} from './bkt-update';

const other: BktParams = { prior: 0.3, learn: 0.2, guess: 0.25, slip: 0.05 };
const noLearning: BktParams = { prior: 0.5, learn: 0, guess: 0.2, slip: 0.1 };

describe('updateKnowledgeEstimate (Corbett & Anderson 1995)', () => {
  // Expected values worked by hand from  L' = L(1−S)/(L(1−S)+(1−L)G)  (correct),
  // L' = LS/(LS+(1−L)(1−G))  (wrong), then  L_next = L' + (1−L')T.
  it.each([
    // defaults: L=0.1, correct → L' = 0.09/(0.09+0.09) = 0.5 → 0.5 + 0.5·0.1 = 0.55
    { pKnown: 0.1, correct: true, params: DEFAULT_BKT_PARAMS, expected: 0.55 },
    // defaults: L=0.55, correct → L' = 0.495/(0.495+0.045) = 11/12 → 11/12 + (1/12)·0.1 = 0.925
    { pKnown: 0.55, correct: true, params: DEFAULT_BKT_PARAMS, expected: 0.925 },
    // defaults: L=0.925, correct → L' = 0.8325/0.84 = 111/112 → 111/112 + (1/112)·0.1 = 111.1/112
    { pKnown: 0.925, correct: true, params: DEFAULT_BKT_PARAMS, expected: 111.1 / 112 },
    // defaults: L=0.1, wrong → L' = 0.01/(0.01+0.81) = 1/82 → 1/82 + (81/82)·0.1 = 9.1/82
    { pKnown: 0.1, correct: false, params: DEFAULT_BKT_PARAMS, expected: 9.1 / 82 },
    // other: L=0.3, correct → L' = 0.285/(0.285+0.175) = 57/92 → 57/92 + (35/92)·0.2 = 64/92 = 16/23
    { pKnown: 0.3, correct: true, params: other, expected: 16 / 23 },
    // other: L=0.3, wrong → L' = 0.015/(0.015+0.525) = 1/36 → 1/36 + (35/36)·0.2 = 8/36 = 2/9
    { pKnown: 0.3, correct: false, params: other, expected: 2 / 9 },
    // no learning: L=0.5, correct → L' = 0.45/(0.45+0.1) = 9/11, T = 0 leaves it there
    { pKnown: 0.5, correct: true, params: noLearning, expected: 9 / 11 },
    // certainty stays certain: L=1 → L' = 1 whatever the answer
    { pKnown: 1, correct: false, params: DEFAULT_BKT_PARAMS, expected: 1 },
    // L=0, correct → L' = 0 (a guess) → 0 + 1·0.1 = 0.1, only the learning transition
    { pKnown: 0, correct: true, params: DEFAULT_BKT_PARAMS, expected: 0.1 },
    // impossible evidence (L=0, G=0, correct): evidence ignored, transition only → 0.1
    { pKnown: 0, correct: true, params: { prior: 0, learn: 0.1, guess: 0, slip: 0.1 }, expected: 0.1 },
  ])('P(known) $pKnown, correct=$correct → $expected', ({ pKnown, correct, params, expected }) => {
    expect(updateKnowledgeEstimate(pKnown, correct, params)).toBeCloseTo(expected, 12);
  });

  it('passes 0.95 after 3 right answers from the defaults, as FIELD-NOTES warns (0.925 after 2)', () => {
    let p = DEFAULT_BKT_PARAMS.prior;
    const trail = [1, 2, 3].map(() => (p = updateKnowledgeEstimate(p, true, DEFAULT_BKT_PARAMS)));
    expect(trail[1]).toBeLessThan(0.95);
    expect(trail[2]).toBeGreaterThanOrEqual(0.95);
  });

  it.each([-0.1, 1.5, Number.NaN])('rejects P(known) = %p', (pKnown) => {
    expect(() => updateKnowledgeEstimate(pKnown, true, DEFAULT_BKT_PARAMS)).toThrow(RangeError);
  });
});

describe('assertValidBktParams', () => {
  it.each([
    { params: { prior: 0.1, learn: 0.1, guess: 0.5, slip: 0.5 }, why: 'guess + slip = 1' },
    { params: { prior: 0.1, learn: 0.1, guess: 0.6, slip: 0.5 }, why: 'guess + slip > 1' },
    { params: { prior: 1.2, learn: 0.1, guess: 0.1, slip: 0.1 }, why: 'prior > 1' },
    { params: { prior: 0.1, learn: -0.1, guess: 0.1, slip: 0.1 }, why: 'learn < 0' },
  ])('rejects $why', ({ params }) => {
    expect(() => assertValidBktParams(params)).toThrow(RangeError);
  });

  it('accepts the defaults, which keep guess + slip < 1', () => {
    expect(() => assertValidBktParams(DEFAULT_BKT_PARAMS)).not.toThrow();
    expect(DEFAULT_BKT_PARAMS.guess + DEFAULT_BKT_PARAMS.slip).toBeLessThan(1);
  });
});
