import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { AppConfig } from '@peerlift/api/config/app-config';
import { APP_CONFIG } from '@peerlift/api/config/config.module';
import { LeaderboardRelayService, OUTBOX_BATCH } from '@peerlift/api/leaderboards/leaderboard-relay.service';
import { JobSchedules } from '../schedules/job-schedules';
import { GamificationProcessor } from './gamification.processor';

/** After the boards were found missing, ask again for a rebuild at most this often. */
const LOST_BOARDS_RETRY_MS = 5000;
const MAX_BACKOFF_MS = 5000;

/**
 * Every worker polls the leaderboard outbox (not a BullMQ job: a Redis flush would take a job schedule
 * with it, and this loop is what notices the flush). Each tick:
 * 1. if the job schedules' marker is gone (Redis flushed or replaced), re-registers every queue's schedules;
 * 2. if the boards' sentinel is gone, requests a rebuild from the ledger;
 * 3. drains the outbox (rows stay locked until Redis has them; workers share the work via SKIP LOCKED).
 * While Redis or Postgres is down it backs off and tries again; nothing is lost, the rows wait.
 */
@Injectable()
export class LeaderboardOutboxPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LeaderboardOutbox');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failures = 0;
  private lostBoardsHandledAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: LeaderboardRelayService,
    private readonly processor: GamificationProcessor,
    private readonly schedules: JobSchedules,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then((next) => this.schedule(next));
    }, delayMs);
  }

  /** One poll; resolves to the delay before the next one. */
  private async tick(): Promise<number> {
    try {
      if (!(await this.schedules.intact())) await this.restoreSchedules();
      if (!(await this.relay.isBuilt())) await this.onBoardsLost();
      const relayed = await this.relay.drain();
      this.failures = 0;
      return relayed >= OUTBOX_BATCH ? 0 : this.config.LEADERBOARD_DRAIN_INTERVAL_MS;
    } catch (e) {
      this.failures += 1;
      if (this.failures === 1) this.logger.warn(`outbox drain failed, retrying: ${String(e)}`);
      return Math.min(this.config.LEADERBOARD_DRAIN_INTERVAL_MS * 2 ** this.failures, MAX_BACKOFF_MS);
    }
  }

  private async restoreSchedules(): Promise<void> {
    this.logger.warn("job schedules missing from Redis: re-registering every queue's");
    await this.schedules
      .restoreAll()
      .catch((e: unknown) => this.logger.warn(`job schedules not all restored: ${String(e)}`));
  }

  private async onBoardsLost(): Promise<void> {
    const now = Date.now();
    if (now - this.lostBoardsHandledAt < LOST_BOARDS_RETRY_MS) return;
    this.lostBoardsHandledAt = now;
    this.logger.warn('leaderboards missing from Redis: rebuilding them from the ledger');
    await this.processor.requestRebuild();
  }
}
