import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GAMIFICATION_JOB, QUEUE, type CheckAggregateBadgesPayload } from '@peerlift/contracts';
import { DEFAULT_POINT_VALUES } from '@peerlift/domain';
import { PointLedgerService } from '../../gamification/point-ledger.service';
import { LeaderboardRelayService } from '../../leaderboards/leaderboard-relay.service';
import { BullConnection } from '../../queues/bullmq-connection';

/**
 * Tutor rewards through the one ledger writer (PointLedgerService): TUTORING for a completed session
 * (`tutoring:<sessionId>`) and TUTOR_IMPACT when the tutee becomes proficient soon after
 * (`tutor-impact:<learnerId>:<skillSlug>`), each key paying once per tutor. The amounts are the control
 * values: tutoring points are not an experiment parameter, and reading parameters here would expose the
 * tutor to a points experiment they never saw.
 */
@Injectable()
export class TutorRewardsService {
  private readonly logger = new Logger('TutorRewards');

  constructor(
    private readonly ledger: PointLedgerService,
    private readonly relay: LeaderboardRelayService,
    private readonly bull: BullConnection,
  ) {}

  /** Inside the session-ending transaction; returns the points paid now. */
  async paySession(m: EntityManager, s: { sessionId: string; tutorId: string }): Promise<number> {
    const { awarded } = await this.ledger.pay(m, s.tutorId, [
      {
        reason: 'TUTORING',
        amount: DEFAULT_POINT_VALUES.tutoringSession,
        sourceKey: `tutoring:${s.sessionId}`,
      },
    ]);
    return awarded;
  }

  async payImpact(
    m: EntityManager,
    i: { tutorId: string; learnerId: string; skillSlug: string },
  ): Promise<number> {
    const { awarded } = await this.ledger.pay(m, i.tutorId, [
      {
        reason: 'TUTOR_IMPACT',
        amount: DEFAULT_POINT_VALUES.tutorImpactBonus,
        sourceKey: `tutor-impact:${i.learnerId}:${i.skillSlug}`,
      },
    ]);
    return awarded;
  }

  /**
   * After COMMIT: the leaderboard fast path and a prompt tutoring-badge check (the gamification worker's
   * sweep would find the tutor within minutes anyway, so failures here only cost time).
   */
  async afterCommit(tutorId: string): Promise<void> {
    await this.relay.syncAfterCommit(tutorId);
    await this.bull
      .queue(QUEUE.gamification)
      .add(GAMIFICATION_JOB.checkAggregateBadges, { userId: tutorId } satisfies CheckAggregateBadgesPayload, {
        deduplication: { id: `aggregate-badges-${tutorId}`, ttl: 5_000 },
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: 100,
      })
      .catch((e: unknown) => this.logger.warn(`badge check not queued for ${tutorId}: ${String(e)}`));
  }
}
