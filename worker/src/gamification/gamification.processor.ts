import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, JobsOptions } from 'bullmq';
import {
  GAMIFICATION_JOB,
  QUEUE,
  type CheckAggregateBadgesPayload,
  type SweepAggregateBadgesPayload,
} from '@peerlift/contracts';
import { AggregateBadgesService } from '@peerlift/api/gamification/aggregate-badges.service';
import { LeaderboardRebuildService } from '@peerlift/api/leaderboards/leaderboard-rebuild.service';
import { LeagueRollOverService } from '@peerlift/api/leagues/league-roll-over.service';
import { BullConnection } from '@peerlift/api/queues/bullmq-connection';
import { JobSchedules } from '../schedules/job-schedules';

const KEEP: JobsOptions = {
  removeOnComplete: 100,
  removeOnFail: 500,
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
};
/** Tutors active this recently are re-checked; three times the sweep interval, so a missed run loses nothing. */
const SWEEP_EVERY_MS = 5 * 60_000;
const SWEEP_SINCE_MINUTES = 15;

/**
 * QUEUE.gamification: maps each job to one service call. Registers its job schedulers (idempotent upserts,
 * so any number of workers keep one schedule each) and re-registers them when Redis lost them.
 */
@Injectable()
export class GamificationProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('Gamification');

  constructor(
    private readonly bull: BullConnection,
    private readonly schedules: JobSchedules,
    private readonly rebuild: LeaderboardRebuildService,
    private readonly leagues: LeagueRollOverService,
    private readonly badges: AggregateBadgesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bull
      .worker(QUEUE.gamification, (job) => this.process(job), { concurrency: 2 })
      // Connection and lost-lock errors are reported, not thrown: BullMQ retries, and every job is idempotent.
      .on('error', (e) => this.logger.warn(`gamification worker: ${e.message}`));
    await this.schedules.add(() => this.registerSchedulers());
  }

  private async registerSchedulers(): Promise<void> {
    const queue = this.bull.queue(QUEUE.gamification);
    const job = (name: string, data: object = {}) => ({ name, data, opts: KEEP });
    // The week closes Monday 00:00 UTC; the hourly run catches cohorts missed while no worker was up.
    await queue.upsertJobScheduler(
      'league-roll-over-weekly',
      { pattern: '0 0 * * 1', tz: 'UTC' },
      job(GAMIFICATION_JOB.rollOverLeagues),
    );
    await queue.upsertJobScheduler(
      'league-roll-over-hourly',
      { pattern: '5 * * * *', tz: 'UTC' },
      job(GAMIFICATION_JOB.rollOverLeagues),
    );
    await queue.upsertJobScheduler(
      'leaderboard-rebuild-daily',
      { pattern: '30 3 * * *', tz: 'UTC' },
      job(GAMIFICATION_JOB.rebuildLeaderboards),
    );
    await queue.upsertJobScheduler(
      'aggregate-badges-sweep',
      { every: SWEEP_EVERY_MS },
      job(GAMIFICATION_JOB.sweepAggregateBadges, {
        sinceMinutes: SWEEP_SINCE_MINUTES,
      } satisfies SweepAggregateBadgesPayload),
    );
  }

  /** At most one rebuild runs and one waits, however often it is asked for. */
  async requestRebuild(): Promise<void> {
    await this.bull
      .queue(QUEUE.gamification)
      .add(
        GAMIFICATION_JOB.rebuildLeaderboards,
        {},
        { ...KEEP, deduplication: { id: 'leaderboard-rebuild', keepLastIfActive: true } },
      );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case GAMIFICATION_JOB.rebuildLeaderboards:
        return this.rebuild.rebuild();
      case GAMIFICATION_JOB.rollOverLeagues:
        return this.leagues.rollOverEndedWeeks();
      case GAMIFICATION_JOB.checkAggregateBadges:
        return this.badges.check((job.data as CheckAggregateBadgesPayload).userId);
      case GAMIFICATION_JOB.sweepAggregateBadges:
        return this.badges.sweep((job.data as SweepAggregateBadgesPayload).sinceMinutes);
      default:
        this.logger.warn(`unknown job ${job.name}`);
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
