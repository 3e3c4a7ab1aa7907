import { correctFeedbackWording } from '../definitions/correct-feedback-wording';
import type { VariationAnalysis } from '../statistics/analyze-experiment';
import { decide, type DecisionMetric } from './decision-hint';

const row = (
  key: string,
  lift: number | null,
  ci: [number, number] | null,
  verdict: VariationAnalysis['verdict'],
): VariationAnalysis => ({
  key,
  n: 1000,
  mean: 0.3,
  relativeLift: lift,
  ciLow: ci?.[0] ?? null,
  ciHigh: ci?.[1] ?? null,
  pValue: null,
  adjustedPValue: null,
  chanceToWin: null,
  risk: null,
  verdict,
  error: null,
});
const control = row('generic-praise', null, null, null);
const primary = (...arms: VariationAnalysis[]): DecisionMetric => ({
  metric: 'proficiency_reached',
  role: 'primary',
  variations: [control, ...arms],
});
const guardrail = (...arms: VariationAnalysis[]): DecisionMetric => ({
  metric: 'accuracy',
  role: 'guardrail',
  variations: [control, ...arms],
});

describe('decide', () => {
  it.each<[string, { totalUnits?: number; srm?: boolean; metrics: DecisionMetric[] }, string]>([
    ['nobody exposed', { totalUnits: 0, metrics: [] }, 'NO_DATA'],
    [
      'a sample-ratio mismatch',
      { srm: true, metrics: [primary(row('growth-mindset', 0.2, [0.1, 0.3], 'withheld'))] },
      'CHECK_SRM',
    ],
    ['no primary values', { metrics: [primary(row('growth-mindset', null, null, 'no-data'))] }, 'NO_DATA'],
    [
      'a winner with guardrails holding',
      {
        metrics: [
          primary(row('growth-mindset', 0.1, [0.05, 0.15], 'better')),
          guardrail(row('growth-mindset', 0, [-0.01, 0.01], 'inconclusive')),
        ],
      },
      'SHIP',
    ],
    [
      'a winner that breaks a guardrail',
      {
        metrics: [
          primary(row('growth-mindset', 0.1, [0.05, 0.15], 'better')),
          guardrail(row('growth-mindset', -0.1, [-0.15, -0.05], 'worse')),
        ],
      },
      'DO_NOT_SHIP',
    ],
    [
      'a loser and no winner',
      { metrics: [primary(row('growth-mindset', -0.1, [-0.15, -0.05], 'worse'))] },
      'KEEP_CONTROL',
    ],
    [
      'tight intervals around zero (MDE 3%)',
      { metrics: [primary(row('growth-mindset', 0.001, [-0.02, 0.02], 'inconclusive'))] },
      'NO_MEANINGFUL_DIFFERENCE',
    ],
    [
      'wide intervals',
      { metrics: [primary(row('growth-mindset', 0.05, [-0.05, 0.15], 'inconclusive'))] },
      'KEEP_RUNNING',
    ],
  ])('hints %s → %s', (_label, input, expected) => {
    const decision = decide({
      definition: correctFeedbackWording,
      totalUnits: input.totalUnits ?? 3000,
      sampleRatioMismatch: input.srm ?? false,
      metrics: input.metrics,
    });
    expect(decision.decision).toBe(expected);
    expect(decision.reason.length).toBeGreaterThan(10);
  });

  it('names the best shippable arm', () => {
    const { reason } = decide({
      definition: correctFeedbackWording,
      totalUnits: 3000,
      sampleRatioMismatch: false,
      metrics: [
        primary(
          row('growth-mindset', 0.1, [0.05, 0.15], 'better'),
          row('points-focused', 0.2, [0.1, 0.3], 'better'),
        ),
      ],
    });
    expect(reason).toBe(
      'Ship points-focused: proficiency_reached +20.0% (CI +10.0% to +30.0%); guardrails hold.',
    );
  });
});
