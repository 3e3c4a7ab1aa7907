/**
 * Queue names and job payloads shared by the api (producer) and the worker (consumer), so both sides
 * compile against the same types (STYLE.md habit 10). Job ids never contain ':' (BullMQ forbids it).
 */
export const QUEUE = {
  maintenance: 'maintenance',
  tutoringMatching: 'tutoring-matching',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const MAINTENANCE_JOB = {
  expireStaleExercises: 'expire-stale-exercises',
} as const;

export interface ExpireStaleExercisesPayload {
  /** Unanswered exercises older than this are deleted (a learner who returns simply gets a new one). */
  olderThanHours: number;
}

/** Jobs of QUEUE.tutoringMatching (docs/tutoring.md); its own queue, so ticks never wait behind other jobs. */
export const TUTORING_JOB = {
  /** Every second (job scheduler): sweeps expired offers, silent tutors and old requests, then ticks skills. */
  tick: 'tick',
  /** Matches one skill's line; de-duplicated per skill so at most one runs and one waits. */
  matchSkill: 'match-skill',
  /** Delayed by the offer TTL; the tick's sweep is the safety net when it is lost. */
  offerTimeout: 'offer-timeout',
  /** Every minute (job scheduler): pays tutors whose tutees became proficient soon after a session. */
  tutorImpact: 'tutor-impact',
} as const;

export interface MatchSkillPayload {
  skillSlug: string;
}

export interface OfferTimeoutPayload {
  offerId: string;
}
