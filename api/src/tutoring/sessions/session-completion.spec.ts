import { isCompletedSession, MIN_COMPLETED_SESSION_SECONDS } from './session-completion';

describe('isCompletedSession', () => {
  it.each([
    [
      'a real exchange of a few minutes',
      { durationSeconds: 600, tutorMessages: 8, learnerMessages: 6 },
      true,
    ],
    [
      'exactly the minimum',
      { durationSeconds: MIN_COMPLETED_SESSION_SECONDS, tutorMessages: 1, learnerMessages: 1 },
      true,
    ],
    [
      'one second too short',
      { durationSeconds: MIN_COMPLETED_SESSION_SECONDS - 1, tutorMessages: 5, learnerMessages: 5 },
      false,
    ],
    ['the learner never wrote', { durationSeconds: 900, tutorMessages: 12, learnerMessages: 0 }, false],
    ['the tutor never wrote', { durationSeconds: 900, tutorMessages: 0, learnerMessages: 3 }, false],
    ['accepted and ended at once', { durationSeconds: 2, tutorMessages: 0, learnerMessages: 0 }, false],
    ['a corrupt duration', { durationSeconds: Number.NaN, tutorMessages: 3, learnerMessages: 3 }, false],
  ])('%s → %s', (_name, activity, expected) => {
    expect(isCompletedSession(activity)).toBe(expected);
  });
});
