/**
 * Queue names and job payloads shared by the api (producer) and the worker (consumer), so both sides
 * compile against the same types (STYLE.md habit 10). Job ids never contain ':' (BullMQ forbids it).
 */
export const QUEUE = {
  maintenance: 'maintenance',
  gamification: 'gamification',
  tutoringMatching: 'tutoring-matching',
  experiments: 'experiments',
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
  /**
   * Matches the lines of one shard of the skills (those with waiting requests) in one tick; de-duplicated per
   * shard so at most one runs and one waits.
   */
  matchShard: 'match-shard',
  /** One skill's tick (no longer added; the worker turns one an older version queued into its shard's tick). */
  matchSkill: 'match-skill',
  /** Delayed by the offer TTL; the tick's sweep is the safety net when it is lost. */
  offerTimeout: 'offer-timeout',
  /** Every minute (job scheduler): pays tutors whose tutees became proficient soon after a session. */
  tutorImpact: 'tutor-impact',
} as const;

export interface MatchShardPayload {
  shard: number;
}

export interface MatchSkillPayload {
  skillSlug: string;
}

export interface OfferTimeoutPayload {
  offerId: string;
}

/** Jobs of QUEUE.experiments (docs/experiments.md): result snapshots for `experimentResults`. */
export const EXPERIMENT_JOB = {
  /** Job scheduler: refreshes every running phase, and any ended phase whose snapshot predates its end. */
  refreshDueSnapshots: 'refresh-due-snapshots',
  /** One phase, e.g. the final snapshot when an experiment stops or moves to a new phase. */
  refreshSnapshot: 'refresh-snapshot',
} as const;

export interface RefreshExperimentSnapshotPayload {
  experimentKey: string;
  phase: number;
}

/** Jobs of QUEUE.gamification (docs/gamification.md); every one is idempotent. */
export const GAMIFICATION_JOB = {
  /** Recomputes every leaderboard from the ledger (daily, and whenever the boards were lost). */
  rebuildLeaderboards: 'rebuild-leaderboards',
  /** Rolls over every league cohort of ended weeks (Monday 00:00 UTC, with hourly catch-up). */
  rollOverLeagues: 'roll-over-leagues',
  /** Awards one learner the aggregate (tutoring) badges they qualify for; de-duplicated per learner. */
  checkAggregateBadges: 'check-aggregate-badges',
  /** Checks every tutor with recent tutoring activity (job scheduler, every few minutes). */
  sweepAggregateBadges: 'sweep-aggregate-badges',
} as const;

export interface CheckAggregateBadgesPayload {
  userId: string;
}

export interface SweepAggregateBadgesPayload {
  /** Tutors with tutoring activity this recent are checked; overlaps the schedule so nothing is missed. */
  sinceMinutes: number;
}
