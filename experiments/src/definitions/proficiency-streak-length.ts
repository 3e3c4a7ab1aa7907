import { defineExperiment } from '../experiment-definition';

/**
 * Correct answers in a row needed for PROFICIENT: 10 (today, Khan Academy's original rule) vs 7.
 *
 * Randomised by classroom: a coach compares students side by side on the green/blue/red grid, so
 * everyone in a class must follow one rule. Learners without a classroom are not targeted. With the
 * classroom as the unit, analysis must use one summary row per classroom (or a cluster-robust
 * variance), otherwise intervals come out too narrow.
 *
 * Takes half of the parameter's namespace, leaving [0.5, 1) for a later test on the same rule.
 */
export const proficiencyStreakLength = defineExperiment({
  key: 'proficiency-streak-length',
  name: 'Streak length for proficiency',
  hypothesis:
    'Reaching proficiency after 7 correct in a row instead of 10 brings more learners back the next day, ' +
    'without lowering their accuracy.',
  owner: 'learning-science',
  parameter: 'mastery.streakToProficient',
  variations: [
    { key: 'streak-10', name: '10 in a row (control)', value: 10 },
    { key: 'streak-7', name: '7 in a row', value: 7 },
  ],
  weights: [0.5, 0.5],
  condition: { classroomId: { $exists: true } },
  hashUnit: 'classroom',
  primaryMetric: 'next_day_return',
  guardrailMetrics: ['accuracy', 'answers'],
  minimumDetectableEffect: 0.05,
  namespaceRange: [0, 0.5],
});
