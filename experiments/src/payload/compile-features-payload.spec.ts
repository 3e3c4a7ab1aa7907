import { correctFeedbackWording } from '../definitions/correct-feedback-wording';
import { pointsPerCorrectAnswer } from '../definitions/points-per-correct-answer';
import { proficiencyStreakLength } from '../definitions/proficiency-streak-length';
import { defineExperiment, type ExperimentDefinition, type ExperimentState } from '../experiment-definition';
import { EXPERIMENT_DEFINITIONS } from '../experiment-registry';
import { compileFeaturesPayload } from './compile-features-payload';
import { hashV2Bucket } from './hash-v2-bucket';
import { learnerIds, loadClient, running, valueFor } from './sdk-test-client';

const IDS = learnerIds(6000);

// A second streak experiment in the other half of the namespace (test fixture, not shipped).
const laterStreak = defineExperiment({
  ...proficiencyStreakLength,
  key: 'proficiency-streak-length-12',
  variations: [
    { key: 'streak-10', name: '10 in a row', value: 10 },
    { key: 'streak-12', name: '12 in a row', value: 12 },
  ],
  namespaceRange: [0.5, 1],
});

describe('compileFeaturesPayload', () => {
  it('emits one feature per parameter with its default and a rule for each running experiment', () => {
    const payload = compileFeaturesPayload(EXPERIMENT_DEFINITIONS, [running('points-per-correct-answer', 3)]);
    expect(Object.keys(payload.features).sort()).toEqual([
      'copy.correctFeedback',
      'copy.stuckPrompt',
      'mastery.streakToProficient',
      'points.correctAnswer',
    ]);
    expect(payload.features['copy.correctFeedback']).toEqual({
      defaultValue: 'Correct! Nice work.',
      rules: [],
    });
    expect(payload.features['points.correctAnswer']).toEqual({
      defaultValue: 15,
      rules: [
        {
          id: 'experiment:points-per-correct-answer',
          key: 'points-per-correct-answer',
          name: 'Points per correct answer (dose-response)',
          variations: [15, 8, 30],
          weights: [1 / 3, 1 / 3, 1 / 3],
          coverage: 1,
          hashAttribute: 'id',
          hashVersion: 2,
          seed: 'points-per-correct-answer',
          meta: [
            { key: 'points-15', name: '15 points (control)' },
            { key: 'points-8', name: '8 points' },
            { key: 'points-30', name: '30 points' },
          ],
          phase: '3',
          filters: [{ seed: 'ns-points.correctAnswer', ranges: [[0, 1]], hashVersion: 2, attribute: 'id' }],
        },
      ],
    });
  });

  it('carries the targeting condition and the classroom hash attribute into the rule', () => {
    const payload = compileFeaturesPayload(EXPERIMENT_DEFINITIONS, [running('proficiency-streak-length')]);
    const [rule] = payload.features['mastery.streakToProficient'].rules;
    expect(rule).toMatchObject({
      hashAttribute: 'classroomId',
      condition: { classroomId: { $exists: true } },
      filters: [{ seed: 'ns-mastery.streakToProficient', ranges: [[0, 0.5]], attribute: 'classroomId' }],
    });
  });

  it.each<[string, ExperimentState[]]>([
    ['draft', [{ key: 'correct-feedback-wording', status: 'draft', phase: 0 }]],
    ['stopped without a winner', [{ key: 'correct-feedback-wording', status: 'stopped', phase: 1 }]],
    ['without any state', []],
  ])('emits no rule for an experiment that is %s', (_label, states) => {
    expect(
      compileFeaturesPayload(EXPERIMENT_DEFINITIONS, states).features['copy.correctFeedback'].rules,
    ).toEqual([]);
  });

  it('ships the winner of a stopped experiment as a force rule after the running experiments', () => {
    const definitions = [
      ...EXPERIMENT_DEFINITIONS.filter((d) => d !== proficiencyStreakLength),
      proficiencyStreakLength,
      laterStreak,
    ];
    const payload = compileFeaturesPayload(definitions, [
      {
        key: 'proficiency-streak-length',
        status: 'stopped',
        phase: 2,
        stoppedAt: '2026-10-01T00:00:00Z',
        winner: 'streak-7',
      },
      running('proficiency-streak-length-12'),
    ]);
    const rules = payload.features['mastery.streakToProficient'].rules;
    expect(rules.map((rule) => rule.id)).toEqual([
      'experiment:proficiency-streak-length-12',
      'winner:proficiency-streak-length',
    ]);
    expect(rules[1]).toEqual({
      id: 'winner:proficiency-streak-length',
      force: 7,
      condition: { classroomId: { $exists: true } },
    });
  });

  it.each<[string, ExperimentState[], RegExp]>([
    [
      'an unknown experiment',
      [running('no-such-experiment')],
      /no-such-experiment: no experiment definition/,
    ],
    [
      'a repeated state',
      [running('correct-feedback-wording'), running('correct-feedback-wording')],
      /more than one state/,
    ],
    ['a fractional phase', [running('correct-feedback-wording', 1.5)], /phase must be an integer/],
    [
      'an unknown winner',
      [{ key: 'correct-feedback-wording', status: 'stopped', phase: 1, winner: 'shouting' }],
      /winner shouting is not one of its variations/,
    ],
  ])('rejects %s', (_label, states, message) => {
    expect(() => compileFeaturesPayload(EXPERIMENT_DEFINITIONS, states)).toThrow(message);
  });

  it('refuses to compile invalid definitions', () => {
    const lopsided = { ...correctFeedbackWording, weights: [0.5, 0.3, 0.3] };
    expect(() => compileFeaturesPayload([lopsided], [])).toThrow(/weights sum to 1.1/);
  });
});

describe('the compiled payload in the GrowthBook SDK', () => {
  const definitions = EXPERIMENT_DEFINITIONS;
  const payload = compileFeaturesPayload(definitions, [
    running('correct-feedback-wording'),
    running('points-per-correct-answer'),
  ]);

  it.each([correctFeedbackWording, pointsPerCorrectAnswer] as ExperimentDefinition[])(
    '$key: every value is a variation, the split follows the weights and the bucket is hash v2',
    (definition) => {
      const { client } = loadClient(payload);
      const counts = new Map<unknown, number>();
      for (const id of IDS) {
        const result = client.createScopedInstance({ attributes: { id } }).evalFeature(definition.parameter);
        counts.set(result.value, (counts.get(result.value) ?? 0) + 1);
        expect(result.experimentResult?.bucket).toBe(hashV2Bucket(definition.key, id));
      }
      const values = definition.variations.map((variation) => variation.value);
      expect([...counts.keys()].sort()).toEqual([...values].sort());
      // 6,000 units at weight 1/3: standard error 0.006, so 0.025 is four standard errors.
      values.forEach((value, index) =>
        expect(Math.abs(counts.get(value)! / IDS.length - definition.weights[index])).toBeLessThan(0.025),
      );
      client.destroy();
    },
  );

  it('gives a unit the same variation on every evaluation, in every client', () => {
    const first = loadClient(payload).client;
    const second = loadClient(
      compileFeaturesPayload(definitions, [
        running('correct-feedback-wording'),
        running('points-per-correct-answer'),
      ]),
    ).client;
    for (const id of IDS.slice(0, 1000)) {
      const value = valueFor(first, 'copy.correctFeedback', { id });
      expect(valueFor(first, 'copy.correctFeedback', { id })).toBe(value);
      expect(valueFor(second, 'copy.correctFeedback', { id })).toBe(value);
    }
    first.destroy();
    second.destroy();
  });

  it('tracks one exposure per unit with the variation key from meta', () => {
    const { client, exposures } = loadClient(payload);
    const instance = client.createScopedInstance({ attributes: { id: IDS[0] } });
    const value = instance.evalFeature('points.correctAnswer').value;
    instance.evalFeature('points.correctAnswer');
    expect(exposures).toEqual([
      {
        experimentKey: 'points-per-correct-answer',
        variationKey: pointsPerCorrectAnswer.variations.find((variation) => variation.value === value)!.key,
        id: IDS[0],
      },
    ]);
    client.destroy();
  });

  it('gives everyone the default once the experiment is stopped, and tracks nobody', () => {
    const stopped = compileFeaturesPayload(definitions, [
      { key: 'points-per-correct-answer', status: 'stopped', phase: 1 },
    ]);
    const { client, exposures } = loadClient(stopped);
    for (const id of IDS) expect(valueFor(client, 'points.correctAnswer', { id })).toBe(15);
    expect(exposures).toEqual([]);
    client.destroy();
  });

  it('gives everyone targeted the winning value once it is shipped', () => {
    const shipped = compileFeaturesPayload(definitions, [
      { key: 'correct-feedback-wording', status: 'stopped', phase: 1, winner: 'growth-mindset' },
    ]);
    const { client } = loadClient(shipped);
    for (const id of IDS.slice(0, 500))
      expect(valueFor(client, 'copy.correctFeedback', { id })).toBe(
        correctFeedbackWording.variations[1].value,
      );
    client.destroy();
  });

  it('randomises whole classrooms and leaves learners without a classroom on the default', () => {
    const { client } = loadClient(
      compileFeaturesPayload(definitions, [running('proficiency-streak-length')]),
    );
    for (const classroomId of ['class-a', 'class-b', 'class-c', 'class-d']) {
      const values = new Set(
        IDS.slice(0, 50).map((id) => valueFor(client, 'mastery.streakToProficient', { id, classroomId })),
      );
      expect(values.size).toBe(1);
    }
    for (const id of IDS.slice(0, 200))
      expect(valueFor(client, 'mastery.streakToProficient', { id })).toBe(10);
    client.destroy();
  });
});
