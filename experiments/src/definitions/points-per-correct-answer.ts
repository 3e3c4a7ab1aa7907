import { defineExperiment } from '../experiment-definition';

/**
 * Dose-response test of points per correct answer: 15 (today, Khan Academy's old energy points) vs about
 * half (8) vs double (30).
 *
 * Three doses rather than two so a monotone trend can be told from noise. Expected tangible rewards
 * can undermine intrinsic motivation (meta-analysis d ≈ −0.3, FIELD-NOTES.md), so learning metrics
 * are the primary and guardrails, not points or answer counts.
 *
 * League fairness: `points.correctAnswer` has `separatesLeagueCohorts: true` in PARAMETERS. While this
 * runs, weekly league roll-over must build each cohort from learners of one arm only (group by the
 * variation the SDK assigns, which is stable per learner: `ParametersService.pointsArmKey` in the api), so nobody is ranked against a learner who
 * earns points at a different rate. All-time and classroom boards still mix arms; they show rank only.
 */
export const pointsPerCorrectAnswer = defineExperiment({
  key: 'points-per-correct-answer',
  name: 'Points per correct answer (dose-response)',
  hypothesis:
    'Paying more points per correct answer increases practice volume, with a dose-response from 8 to 15 to 30, ' +
    'without lowering accuracy or the share of learners reaching proficiency.',
  owner: 'gamification',
  parameter: 'points.correctAnswer',
  variations: [
    { key: 'points-15', name: '15 points (control)', value: 15 },
    { key: 'points-8', name: '8 points', value: 8 },
    { key: 'points-30', name: '30 points', value: 30 },
  ],
  weights: [1 / 3, 1 / 3, 1 / 3],
  hashUnit: 'user',
  primaryMetric: 'answers',
  guardrailMetrics: ['accuracy', 'proficiency_reached', 'next_day_return'],
  minimumDetectableEffect: 0.05,
  namespaceRange: [0, 1],
});
