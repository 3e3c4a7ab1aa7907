import { Inject, Injectable, Logger } from '@nestjs/common';
import { QUEUE, TUTORING_JOB, type MatchShardPayload } from '@peerlift/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BullConnection } from '../../queues/bullmq-connection';
import { LiveStateService } from '../live/live-state.service';
import { matchingShard } from './matching-shard';

/**
 * Adds matching jobs. An event (a new request, a decline, a tutor freeing up) asks for a tick of the
 * skill's shard; BullMQ `deduplication` with `keepLastIfActive` keeps at most one tick per shard running
 * and one waiting, so ticks never pile up however many events arrive, and every event that arrives while a
 * tick runs is batched into the next one — across all the shard's skills, so under load one tick (one set
 * of statements, one job) serves many skills' requests.
 */
@Injectable()
export class MatchingQueue {
  private readonly logger = new Logger('MatchingQueue');

  constructor(
    private readonly bull: BullConnection,
    private readonly live: LiveStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  shardOf(skillSlug: string): number {
    return matchingShard(skillSlug, this.config.MATCHING_SHARDS);
  }

  /**
   * Asks for a tick of each skill's shard. Failures are logged, not thrown: the caller's change is
   * committed and the scheduled tick (every second) finds the skill anyway. The batch window is applied by
   * the worker when the tick starts (BullMQ's delayed jobs would add tens of milliseconds of their own).
   */
  async tickSkills(skills: readonly string[]): Promise<void> {
    await Promise.all([...new Set(skills.map((s) => this.shardOf(s)))].map((shard) => this.tickShard(shard)));
  }

  /** Asks for a tick of the shard (logged, not thrown, as above). */
  async tickShard(shard: number): Promise<void> {
    await this.bull
      .queue(QUEUE.tutoringMatching)
      .add(TUTORING_JOB.matchShard, { shard } satisfies MatchShardPayload, {
        deduplication: { id: `match-shard-${shard}`, keepLastIfActive: true },
        removeOnComplete: true,
        removeOnFail: 100,
      })
      .catch((e: unknown) => this.logger.warn(`could not add a tick for shard ${shard}: ${String(e)}`));
  }

  /** Ticks those of `skills` that have waiting requests (a tutor became free for them). */
  async tickSkillsWithWaiting(skills: readonly string[]): Promise<void> {
    if (skills.length === 0) return;
    const waiting = new Set(await this.live.waitingSkills());
    await this.tickSkills(skills.filter((s) => waiting.has(s)));
  }
}
