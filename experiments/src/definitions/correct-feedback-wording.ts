import { defineExperiment } from '../experiment-definition';

/**
 * Wording after a correct answer: generic praise (today's copy) vs growth-mindset vs points-focused.
 *
 * Evidence: Khan Academy added a growth-mindset header to exercises and proficiencies rose about 3 %
 * (n ≈ 265k) while generic praise ("You're smart") did nothing (FIELD-NOTES.md, Motivation evidence).
 * Points-focused copy tests the opposite pull: extrinsic framing may raise volume but not learning.
 */
export const correctFeedbackWording = defineExperiment({
  key: 'correct-feedback-wording',
  name: 'Correct-answer feedback wording',
  hypothesis:
    'Feedback that credits effort and strategy raises the share of learners reaching proficiency compared with ' +
    'generic praise; points-focused feedback raises answers but not proficiency.',
  owner: 'learning-science',
  parameter: 'copy.correctFeedback',
  variations: [
    { key: 'generic-praise', name: 'Generic praise (control)', value: 'Correct! Nice work.' },
    {
      key: 'growth-mindset',
      name: 'Growth mindset',
      value:
        'Correct! Your practice is paying off. Every problem you work through makes your brain stronger.',
    },
    {
      key: 'points-focused',
      name: 'Points focused',
      value: 'Correct! Points earned. Keep going to earn more.',
    },
  ],
  weights: [1 / 3, 1 / 3, 1 / 3],
  hashUnit: 'user',
  primaryMetric: 'proficiency_reached',
  guardrailMetrics: ['accuracy', 'next_day_return'],
  minimumDetectableEffect: 0.03,
  namespaceRange: [0, 1],
});
