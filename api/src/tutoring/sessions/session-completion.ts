/**
 * When a tutoring session counts as completed: the tutor is paid for it and it counts towards tutoring
 * badges. Pure, so the rule has a table of cases beside it.
 *
 * Both people must have written at least once and the session must have lasted a couple of minutes, so
 * accepting an offer and ending the session at once (alone, or with a friend, to farm points) pays nothing,
 * while a short session that really helped still counts.
 */

/** Shortest session that counts (seconds). */
export const MIN_COMPLETED_SESSION_SECONDS = 120;
/** Messages each participant must have sent. */
export const MIN_MESSAGES_EACH = 1;

export interface SessionActivity {
  /** From start to end (seconds). */
  durationSeconds: number;
  tutorMessages: number;
  learnerMessages: number;
}

export function isCompletedSession({
  durationSeconds,
  tutorMessages,
  learnerMessages,
}: SessionActivity): boolean {
  return (
    Number.isFinite(durationSeconds) &&
    durationSeconds >= MIN_COMPLETED_SESSION_SECONDS &&
    tutorMessages >= MIN_MESSAGES_EACH &&
    learnerMessages >= MIN_MESSAGES_EACH
  );
}
