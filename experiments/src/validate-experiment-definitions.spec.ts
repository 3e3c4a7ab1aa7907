import { correctFeedbackWording } from './definitions/correct-feedback-wording';
import { pointsPerCorrectAnswer } from './definitions/points-per-correct-answer';
import { proficiencyStreakLength } from './definitions/proficiency-streak-length';
import type { ExperimentDefinition } from './experiment-definition';
import { EXPERIMENT_DEFINITIONS, createExperimentRegistry } from './experiment-registry';
import { parameterSeparatesLeagueCohorts } from './parameter-catalogue';
import {
  assertValidExperimentDefinitions,
  validateExperimentDefinitions,
} from './validate-experiment-definitions';

/** A definition with some fields replaced, bypassing the types the way JSON or a cast would. */
function broken(base: ExperimentDefinition, patch: Record<string, unknown>): ExperimentDefinition {
  return { ...base, ...patch };
}

const points = pointsPerCorrectAnswer;
const feedback = correctFeedbackWording;

describe('validateExperimentDefinitions', () => {
  it('accepts every shipped definition', () => {
    expect(validateExperimentDefinitions(EXPERIMENT_DEFINITIONS)).toEqual([]);
    expect(EXPERIMENT_DEFINITIONS.length).toBeGreaterThanOrEqual(3);
  });

  it.each<[string, ExperimentDefinition, RegExp]>([
    [
      'weights off by 0.01 (the SDK would silently split equally)',
      broken(points, { weights: [0.34, 0.34, 0.33] }),
      /weights sum to 1\.01/,
    ],
    ['weights off by 1e-6', broken(points, { weights: [0.5, 0.25, 0.250001] }), /weights sum to/],
    ['a zero weight', broken(points, { weights: [0.5, 0.5, 0] }), /weights must be positive/],
    ['one weight too few', broken(points, { weights: [0.5, 0.5] }), /one weight per variation/],
    [
      'an unknown parameter',
      broken(points, { parameter: 'points.perBadge' }),
      /unknown parameter points\.perBadge/,
    ],
    [
      'a string value for an integer parameter',
      broken(points, {
        variations: [...points.variations.slice(0, 2), { key: 'x', name: 'x', value: '20' }],
      }),
      /variation x: points\.correctAnswer takes an integer/,
    ],
    [
      'a fractional points value',
      broken(points, { variations: [...points.variations.slice(0, 2), { key: 'x', name: 'x', value: 7.5 }] }),
      /takes an integer/,
    ],
    [
      'points above 100',
      broken(points, { variations: [...points.variations.slice(0, 2), { key: 'x', name: 'x', value: 101 }] }),
      /within 1\.\.100/,
    ],
    [
      'a streak of 2',
      broken(proficiencyStreakLength, {
        variations: [proficiencyStreakLength.variations[0], { key: 'x', name: 'x', value: 2 }],
      }),
      /within 3\.\.20/,
    ],
    [
      'a number for a copy parameter',
      broken(feedback, {
        variations: [...feedback.variations.slice(0, 2), { key: 'x', name: 'x', value: 3 }],
      }),
      /takes non-empty text/,
    ],
    [
      'blank copy',
      broken(feedback, {
        variations: [...feedback.variations.slice(0, 2), { key: 'x', name: 'x', value: '  ' }],
      }),
      /takes non-empty text/,
    ],
    [
      'a repeated variation key',
      broken(points, {
        variations: [
          points.variations[0],
          points.variations[1],
          { ...points.variations[2], key: 'points-8' },
        ],
      }),
      /variation keys must be unique/,
    ],
    [
      'a repeated variation value',
      broken(points, {
        variations: [points.variations[0], points.variations[1], { ...points.variations[2], value: 8 }],
      }),
      /values must differ/,
    ],
    [
      'a control that is not the default',
      broken(points, { variations: [points.variations[1], points.variations[0], points.variations[2]] }),
      /must carry the default value/,
    ],
    [
      'a single variation',
      broken(points, { variations: [points.variations[0]], weights: [1] }),
      /at least two variations/,
    ],
    [
      'an unknown primary metric',
      broken(points, { primaryMetric: 'revenue' }),
      /unknown primary metric revenue/,
    ],
    [
      'an unknown guardrail',
      broken(points, { guardrailMetrics: ['accuracy', 'happiness'] }),
      /unknown guardrail metric happiness/,
    ],
    [
      'the primary metric as a guardrail',
      broken(points, { guardrailMetrics: ['answers'] }),
      /cannot also be a guardrail/,
    ],
    [
      'a zero minimum detectable effect',
      broken(points, { minimumDetectableEffect: 0 }),
      /minimumDetectableEffect/,
    ],
    ['an empty namespace range', broken(points, { namespaceRange: [0.5, 0.5] }), /namespaceRange/],
    ['a namespace range beyond 1', broken(points, { namespaceRange: [0.5, 1.5] }), /namespaceRange/],
    [
      'an unknown hash unit',
      broken(points, { hashUnit: 'school' }),
      /hashUnit must be one of user, classroom/,
    ],
    ['a key with capitals', broken(points, { key: 'PointsTest' }), /kebab-case/],
    ['a missing hypothesis', broken(points, { hypothesis: '' }), /hypothesis is required/],
    [
      'a condition that is an array',
      broken(points, { condition: [] }),
      /condition must be a condition object/,
    ],
  ])('rejects %s', (_label, definition, message) => {
    const messages = validateExperimentDefinitions([definition]).map(
      (issue) => `${issue.experimentKey}: ${issue.message}`,
    );
    expect(messages.join('\n')).toMatch(message);
  });

  it('rejects two experiments with one key', () => {
    expect(validateExperimentDefinitions([points, points])).toContainEqual({
      experimentKey: 'points-per-correct-answer',
      message: 'duplicate experiment key',
    });
  });

  it('rejects two experiments with one seed (their arms would be correlated)', () => {
    const twin = { ...feedback, seed: points.key };
    expect(validateExperimentDefinitions([points, twin])).toContainEqual({
      experimentKey: 'correct-feedback-wording',
      message: 'seed points-per-correct-answer is already used by points-per-correct-answer',
    });
  });

  it.each<[string, [number, number], [number, number], boolean]>([
    ['touching slices', [0, 0.5], [0.5, 1], true],
    ['separated slices', [0, 0.2], [0.7, 0.9], true],
    ['overlapping slices', [0, 0.6], [0.5, 1], false],
    ['nested slices', [0, 1], [0.2, 0.3], false],
  ])('on one parameter, %s are %s', (_label, first, second, valid) => {
    const a = { ...points, key: 'points-a', seed: 'points-a', namespaceRange: first };
    const b = { ...points, key: 'points-b', seed: 'points-b', namespaceRange: second };
    const overlapIssues = validateExperimentDefinitions([a, b]).filter((issue) =>
      issue.message.includes('overlaps'),
    );
    expect(overlapIssues.length === 0).toBe(valid);
  });

  it('rejects two experiments on one parameter that hash different units', () => {
    const a = { ...points, key: 'points-a', namespaceRange: [0, 0.5] as const };
    const b = {
      ...points,
      key: 'points-b',
      hashUnit: 'classroom' as const,
      namespaceRange: [0.5, 1] as const,
    };
    expect(validateExperimentDefinitions([a, b]).map((issue) => issue.message)).toEqual([
      'hashes a different unit than points-a on points.correctAnswer',
    ]);
  });

  it('names every issue in the thrown error', () => {
    const bad = broken(points, { weights: [1, 1, 1], primaryMetric: 'revenue' });
    expect(() => assertValidExperimentDefinitions([bad])).toThrow(
      /Invalid experiment definitions:\n {2}points-per-correct-answer: weights sum to 3, not 1\n {2}points-per-correct-answer: unknown primary metric revenue/,
    );
    expect(() => createExperimentRegistry([bad])).toThrow(/weights sum to 3/);
  });
});

describe('parameters', () => {
  it('keeps points arms out of shared league cohorts, and only points', () => {
    expect(parameterSeparatesLeagueCohorts('points.correctAnswer')).toBe(true);
    expect(parameterSeparatesLeagueCohorts('mastery.streakToProficient')).toBe(false);
    expect(parameterSeparatesLeagueCohorts('copy.correctFeedback')).toBe(false);
  });
});
