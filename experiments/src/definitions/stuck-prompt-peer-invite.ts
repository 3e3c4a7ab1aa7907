import { defineExperiment } from '../experiment-definition';

/**
 * Wording of the prompt shown to a learner who looks stuck: a generic "ask for help" (today's copy)
 * vs an invitation naming a peer who has mastered the skill. Peer tutoring only works if stuck
 * learners ask, and asking a peer is a smaller step than asking for "help".
 */
export const stuckPromptPeerInvite = defineExperiment({
  key: 'stuck-prompt-peer-invite',
  name: 'Stuck prompt inviting a peer',
  hypothesis:
    'Inviting a stuck learner to work with a peer who has mastered the skill raises help requests, without ' +
    'lowering completed sessions or tutor ratings or raising reports.',
  owner: 'tutoring',
  parameter: 'copy.stuckPrompt',
  variations: [
    { key: 'ask-for-help', name: 'Ask for help (control)', value: 'Stuck? Ask for help.' },
    {
      key: 'invite-peer',
      name: 'Invite a peer',
      value: 'Stuck? A learner who has mastered this skill can work through it with you right now.',
    },
  ],
  weights: [0.5, 0.5],
  hashUnit: 'user',
  primaryMetric: 'help_requested',
  guardrailMetrics: ['session_completed', 'tutor_rating', 'reports'],
  minimumDetectableEffect: 0.05,
  namespaceRange: [0, 1],
});
