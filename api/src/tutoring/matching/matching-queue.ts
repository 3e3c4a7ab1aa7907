import { Injectable, Logger } from '@nestjs/common';
import { QUEUE, TUTORING_JOB, type MatchSkillPayload } from '@peerlift/contracts';
import { BullConnection } from '../../queues/bullmq-connection';
import { LiveStateService } from '../live/live-state.service';

/**
 * Adds matching jobs. An event (a new request, a decline, a tutor freeing up) asks for a tick of the
 * skill; BullMQ `deduplication` with `keepLastIfActive` keeps at most one tick per skill running and one
 * waiting, so ticks never pile up however many events arrive, and every event that arrives while a tick
 * runs is batched into the next one.
 */
@Injectable()
export class MatchingQueue {
  private readonly logger = new Logger('MatchingQueue');

  constructor(
    private readonly bull: BullConnection,
    private readonly live: LiveStateService,
  ) {}

  /**
   * Asks for a tick of each skill. Failures are logged, not thrown: the caller's change is committed and
   * the scheduled tick (every second) finds the skill anyway. The batch window is applied by the worker
   * when the tick starts (BullMQ's delayed jobs would add tens of milliseconds of their own).
   */
  async tickSkills(skills: readonly string[]): Promise<void> {
    const queue = this.bull.queue(QUEUE.tutoringMatching);
    await Promise.all(
      [...new Set(skills)].map((skillSlug) =>
        queue
          .add(TUTORING_JOB.matchSkill, { skillSlug } satisfies MatchSkillPayload, {
            deduplication: { id: `match-${skillSlug}`, keepLastIfActive: true },
            removeOnComplete: true,
            removeOnFail: 100,
          })
          .catch((e: unknown) => this.logger.warn(`could not add a tick for ${skillSlug}: ${String(e)}`)),
      ),
    );
  }

  /** Ticks those of `skills` that have waiting requests (a tutor became free for them). */
  async tickSkillsWithWaiting(skills: readonly string[]): Promise<void> {
    if (skills.length === 0) return;
    const waiting = new Set(await this.live.waitingSkills());
    await this.tickSkills(skills.filter((s) => waiting.has(s)));
  }
}
