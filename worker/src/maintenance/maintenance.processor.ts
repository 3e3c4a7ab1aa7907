import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MAINTENANCE_JOB, QUEUE, type ExpireStaleExercisesPayload } from '@peerlift/contracts';
import { JobSchedules } from '../schedules/job-schedules';
import { InjectDataSource } from '@peerlift/api/database/inject-data-source';
import { BullConnection } from '@peerlift/api/queues/bullmq-connection';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';

/**
 * Maps maintenance jobs to one SQL statement each; idempotent (running twice deletes nothing more).
 * Registers its own job scheduler, so starting any number of workers keeps exactly one schedule.
 */
@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bull: BullConnection,
    private readonly schedules: JobSchedules,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bull.worker(QUEUE.maintenance, (job) => this.process(job), { concurrency: 1 });
    await this.schedules.add(() => this.registerSchedulers());
  }

  private async registerSchedulers(): Promise<void> {
    await this.bull.queue(QUEUE.maintenance).upsertJobScheduler(
      MAINTENANCE_JOB.expireStaleExercises,
      { every: 60 * 60 * 1000 },
      {
        name: MAINTENANCE_JOB.expireStaleExercises,
        data: { olderThanHours: this.config.STALE_EXERCISE_HOURS } satisfies ExpireStaleExercisesPayload,
        opts: { removeOnComplete: 100, removeOnFail: 500 },
      },
    );
  }

  async process(job: Job): Promise<{ deleted: number }> {
    if (job.name !== MAINTENANCE_JOB.expireStaleExercises) throw new Error(`unknown job ${job.name}`);
    const { olderThanHours } = job.data as ExpireStaleExercisesPayload;
    const [, deleted] = await this.db.query<[unknown, number]>(
      `DELETE FROM exercises WHERE answered_at IS NULL AND created_at < now() - make_interval(hours => $1)`,
      [olderThanHours],
    );
    return { deleted };
  }
}
