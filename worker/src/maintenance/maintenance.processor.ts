import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { MAINTENANCE_JOB, type ExpireStaleExercisesPayload } from '@peerlift/contracts';

/**
 * Maps maintenance jobs to one SQL statement each. Idempotent: running a job twice deletes nothing more.
 */
export function maintenanceProcessor(db: DataSource) {
  return async (job: Job): Promise<{ deleted: number }> => {
    if (job.name !== MAINTENANCE_JOB.expireStaleExercises) throw new Error(`unknown job ${job.name}`);
    const { olderThanHours } = job.data as ExpireStaleExercisesPayload;
    const rows = (await db.query(
      `DELETE FROM exercises WHERE answered_at IS NULL AND created_at < now() - make_interval(hours => $1)
       RETURNING id`,
      [olderThanHours],
    )) as [unknown[], number];
    return { deleted: rows[1] };
  };
}
