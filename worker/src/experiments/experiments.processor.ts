import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EXPERIMENT_JOB, QUEUE, type RefreshExperimentSnapshotPayload } from '@peerlift/contracts';
import { JobSchedules } from '../schedules/job-schedules';
import type { AppConfig } from '@peerlift/api/config/app-config';
import { APP_CONFIG } from '@peerlift/api/config/config.module';
import { ExperimentResultsService } from '@peerlift/api/experiments/experiment-results.service';
import { BullConnection } from '@peerlift/api/queues/bullmq-connection';

/**
 * Experiment result snapshots (docs/experiments.md). Each job maps to one ExperimentResultsService call;
 * both are idempotent (a snapshot is only ever replaced by a newer computation), so BullMQ's at-least-once
 * delivery and any number of workers are safe. The sweep runs on a job scheduler every
 * EXPERIMENT_SNAPSHOT_SECONDS, registered by every worker and kept single by its fixed id.
 */
@Injectable()
export class ExperimentsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly results: ExperimentResultsService,
    private readonly bull: BullConnection,
    private readonly schedules: JobSchedules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Concurrency 1: snapshots are a few aggregate queries each, and there is no hurry.
    this.bull.worker(QUEUE.experiments, (job) => this.process(job), { concurrency: 1 });
    await this.schedules.add(() => this.registerSchedulers());
  }

  private async registerSchedulers(): Promise<void> {
    await this.bull.queue(QUEUE.experiments).upsertJobScheduler(
      EXPERIMENT_JOB.refreshDueSnapshots,
      { every: this.config.EXPERIMENT_SNAPSHOT_SECONDS * 1000 },
      {
        name: EXPERIMENT_JOB.refreshDueSnapshots,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 5000 },
          removeOnComplete: 100,
          removeOnFail: 500,
        },
      },
    );
  }

  async process(job: Job): Promise<{ refreshed: number }> {
    switch (job.name) {
      case EXPERIMENT_JOB.refreshDueSnapshots:
        return this.results.refreshDueSnapshots();
      case EXPERIMENT_JOB.refreshSnapshot: {
        const { experimentKey, phase } = job.data as RefreshExperimentSnapshotPayload;
        return { refreshed: (await this.results.refreshSnapshot(experimentKey, phase)) ? 1 : 0 };
      }
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
