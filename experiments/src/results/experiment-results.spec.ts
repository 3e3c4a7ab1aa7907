import { proficiencyStreakLength } from '../definitions/proficiency-streak-length';
import { stuckPromptPeerInvite } from '../definitions/stuck-prompt-peer-invite';
import { buildExperimentResults, type MetricInput } from './experiment-results';

const binomial = (control: [number, number], treatment: [number, number]) => [
  { key: 'ask-for-help', n: control[0], sum: control[1], sumSquares: control[1] },
  { key: 'invite-peer', n: treatment[0], sum: treatment[1], sumSquares: treatment[1] },
];

const base = {
  definition: stuckPromptPeerInvite,
  phase: 2,
  computedAt: '2026-11-23T12:00:00.000Z',
  exposures: { 'ask-for-help': 1000, 'invite-peer': 1000 },
};

const metrics = (overrides: Partial<Record<string, MetricInput>> = {}): MetricInput[] =>
  ['help_requested', 'session_completed', 'tutor_rating', 'reports'].map(
    (metric) =>
      overrides[metric] ?? {
        metric: metric as MetricInput['metric'],
        available: true,
        summaries: binomial([1000, 100], [1000, 100]),
      },
  );

describe('buildExperimentResults', () => {
  it('lists the primary metric first, then the guardrails, with exposures against the planned shares', () => {
    const results = buildExperimentResults({ ...base, metrics: metrics() });
    expect(results.metrics.map((m) => [m.metric, m.role])).toEqual([
      ['help_requested', 'primary'],
      ['session_completed', 'guardrail'],
      ['tutor_rating', 'guardrail'],
      ['reports', 'guardrail'],
    ]);
    expect(results.exposures).toEqual([
      {
        key: 'ask-for-help',
        name: 'Ask for help (control)',
        units: 1000,
        expectedShare: 0.5,
        observedShare: 0.5,
      },
      { key: 'invite-peer', name: 'Invite a peer', units: 1000, expectedShare: 0.5, observedShare: 0.5 },
    ]);
    expect(results.srmPValue).toBe(1);
  });

  it('ships an arm that wins on the primary metric while every guardrail holds', () => {
    const results = buildExperimentResults({
      ...base,
      metrics: metrics({
        help_requested: {
          metric: 'help_requested',
          available: true,
          summaries: binomial([1000, 100], [1000, 160]),
        },
      }),
    });
    expect(results.metrics[0].variations[1].verdict).toBe('better');
    expect(results.metrics.slice(1).map((m) => m.guardrailStatus)).toEqual(['ok', 'ok', 'ok']);
    expect(results.decision).toBe('SHIP');
    expect(results.decisionReason).toMatch(/^Ship invite-peer: help_requested \+60\.0%/);
  });

  it('flags a guardrail that got worse (reports: lower is better) and does not ship', () => {
    const results = buildExperimentResults({
      ...base,
      metrics: metrics({
        help_requested: {
          metric: 'help_requested',
          available: true,
          summaries: binomial([1000, 100], [1000, 160]),
        },
        reports: { metric: 'reports', available: true, summaries: binomial([1000, 10], [1000, 40]) },
      }),
    });
    expect(results.metrics.find((m) => m.metric === 'reports')!.guardrailStatus).toBe('violated');
    expect(results.decision).toBe('DO_NOT_SHIP');
  });

  it('withholds every verdict on a sample-ratio mismatch of exposures', () => {
    const results = buildExperimentResults({
      ...base,
      exposures: { 'ask-for-help': 1000, 'invite-peer': 850 },
      metrics: metrics({
        help_requested: {
          metric: 'help_requested',
          available: true,
          summaries: binomial([1000, 100], [850, 160]),
        },
      }),
    });
    expect(results.sampleRatioMismatch).toBe(true);
    expect(results.metrics[0].variations[1].verdict).toBe('withheld');
    expect(results.decision).toBe('CHECK_SRM');
  });

  it('keeps verdicts when only a metric’s own n differs from the weights (not everyone has a value)', () => {
    const results = buildExperimentResults({
      ...base,
      metrics: metrics({
        help_requested: {
          metric: 'help_requested',
          available: true,
          summaries: binomial([900, 90], [500, 80]),
        },
      }),
    });
    expect(results.sampleRatioMismatch).toBe(false);
    expect(results.metrics[0].variations[1].verdict).toBe('better');
  });

  it('marks metrics whose tables are missing, or that have no values yet, as unavailable', () => {
    const results = buildExperimentResults({
      ...base,
      metrics: metrics({
        tutor_rating: { metric: 'tutor_rating', available: false, summaries: [] },
        reports: { metric: 'reports', available: true, summaries: [] },
      }),
    });
    expect(
      results.metrics.slice(2).map((m) => [m.available, m.guardrailStatus, m.variations.length]),
    ).toEqual([
      [false, 'unavailable', 0],
      [true, 'unavailable', 0],
    ]);
  });

  it('analyses classroom means as a mean metric when classrooms were randomised', () => {
    const results = buildExperimentResults({
      definition: proficiencyStreakLength,
      phase: 1,
      computedAt: base.computedAt,
      exposures: { 'streak-10': 40, 'streak-7': 40 },
      metrics: [
        {
          metric: 'next_day_return',
          available: true,
          summaries: [
            { key: 'streak-10', n: 40, sum: 12, sumSquares: 4.2 },
            { key: 'streak-7', n: 40, sum: 14, sumSquares: 5.4 },
          ],
        },
      ],
    });
    expect(results.unit).toBe('classroom');
    expect(results.metrics[0].type).toBe('mean');
    expect(results.metrics[0].variations[1].relativeLift).toBeCloseTo(14 / 12 - 1, 12);
  });

  it('says there is nothing to read before anyone is exposed', () => {
    const results = buildExperimentResults({ ...base, exposures: {}, metrics: [] });
    expect(results.decision).toBe('NO_DATA');
    expect(results.sampleRatioMismatch).toBe(false);
  });
});
