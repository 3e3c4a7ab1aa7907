import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import {
  QUEUE,
  TUTORING_JOB,
  type MatchShardPayload,
  type MatchSkillPayload,
  type OfferTimeoutPayload,
} from '@peerlift/contracts';
import { JobSchedules } from '../schedules/job-schedules';
import { BackgroundWork } from './background-work';
import { BullConnection } from '@peerlift/api/queues/bullmq-connection';
import { MatchingQueue } from '@peerlift/api/tutoring/matching/matching-queue';
import { MatchingService } from '@peerlift/api/tutoring/matching/matching.service';
import { SweepService } from '@peerlift/api/tutoring/matching/sweep.service';
import { OfferResolutionService } from '@peerlift/api/tutoring/offers/offer-resolution.service';
import { TutorImpactService } from '@peerlift/api/tutoring/sessions/tutor-impact.service';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';

/** The scheduled tick's period (ms): "about every second". */
export const MATCHING_TICK_EVERY_MS = 1000;
const TUTOR_IMPACT_EVERY_MS = 60_000;

/**
 * The tutoring-matching queue: maps each job to one service call. Every job is idempotent, so a job run
 * twice (BullMQ delivers at least once) or by two workers changes nothing more. Locks are short because
 * ticks are: a worker killed mid-tick has its job re-run within seconds, and its half-made claims expire.
 */
@Injectable()
export class TutoringMatchingProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TutoringMatching');
  private readonly settling = new BackgroundWork(this.logger);
  private worker: Worker | undefined;

  constructor(
    private readonly bull: BullConnection,
    private readonly matching: MatchingService,
    private readonly sweeper: SweepService,
    private readonly offers: OfferResolutionService,
    private readonly impact: TutorImpactService,
    private readonly queue: MatchingQueue,
    private readonly schedules: JobSchedules,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = this.bull.worker(QUEUE.tutoringMatching, (job) => this.process(job), {
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 5,
    });
    await this.schedules.add(() => this.registerSchedulers());
  }

  /** Stops taking jobs, then lets the confirmations of ticks already ended finish, before Redis and Postgres close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.settling.drained();
  }

  private async registerSchedulers(): Promise<void> {
    const queue = this.bull.queue(QUEUE.tutoringMatching);
    const opts = { removeOnComplete: true, removeOnFail: 100 };
    await queue.upsertJobScheduler(
      TUTORING_JOB.tick,
      { every: MATCHING_TICK_EVERY_MS },
      { name: TUTORING_JOB.tick, opts },
    );
    await queue.upsertJobScheduler(
      TUTORING_JOB.tutorImpact,
      { every: TUTOR_IMPACT_EVERY_MS },
      { name: TUTORING_JOB.tutorImpact, opts },
    );
  }

  /** The batch window, counted from the event that added this tick: requests arriving meanwhile join it. */
  private async batchWindow(job: Job): Promise<void> {
    const wait = job.timestamp + this.config.app.MATCHING_BATCH_WINDOW_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case TUTORING_JOB.tick:
        return this.sweeper.sweep();
      case TUTORING_JOB.matchShard: {
        await this.batchWindow(job);
        const { shard } = job.data as MatchShardPayload;
        const started = Date.now();
        // The job ends once the tick's claims are made, so the shard's next tick can begin while Postgres
        // confirms them (MatchingService.matchShardUntilClaimed).
        const { claimed, settled } = await this.matching.matchShardUntilClaimed(shard);
        this.settling.track(settled, `shard ${shard}'s tick`);
        // A long line is taken in batches, back to back, instead of one batch per second.
        if (claimed.more) await this.queue.tickShard(shard);
        // Where a tick's time went (bench/matching reports them): waiting in the queue, then running.
        return { ...claimed, queuedMs: started - job.timestamp, tickMs: Date.now() - started };
      }
      case TUTORING_JOB.matchSkill:
        // No longer added (ticks are per shard); a job an older version queued becomes its shard's tick.
        await this.queue.tickSkills([(job.data as MatchSkillPayload).skillSlug]);
        return null;
      case TUTORING_JOB.offerTimeout:
        // No longer added (the sweep ends offers at their deadline); kept for jobs an older version queued.
        return this.offers.expire((job.data as OfferTimeoutPayload).offerId);
      case TUTORING_JOB.tutorImpact:
        return { paid: await this.impact.payDue() };
      default:
        this.logger.warn(`unknown job ${job.name}`);
        return null;
    }
  }
}
