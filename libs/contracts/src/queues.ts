/**
 * Queue names and job payloads shared by the api (producer) and the worker (consumer), so both sides
 * compile against the same types (STYLE.md habit 10). Job ids never contain ':' (BullMQ forbids it).
 */
export const QUEUE = {
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const MAINTENANCE_JOB = {
  expireStaleExercises: 'expire-stale-exercises',
} as const;

export interface ExpireStaleExercisesPayload {
  /** Unanswered exercises older than this are deleted (a learner who returns simply gets a new one). */
  olderThanHours: number;
}
