import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badgesNewlyEarned, DEFAULT_POINT_VALUES } from '@peerlift/domain';
import { BadgeAwardService } from '../badges/badge-award.service';
import { BadgeStatsService } from '../badges/badge-stats.service';
import { InjectDataSource } from '../database/inject-data-source';
import { PointLedgerService } from './point-ledger.service';

/**
 * The worker's badge check for badges that need aggregates (tutoring sessions, ratings, tutee progress).
 * Idempotent: a badge is inserted at most once (unique constraint) and its points have a unique source
 * key, so re-running a job or two workers racing award and pay nothing twice.
 */
@Injectable()
export class AggregateBadgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stats: BadgeStatsService,
    private readonly badges: BadgeAwardService,
    private readonly ledger: PointLedgerService,
  ) {}

  /** Awards every aggregate badge the learner now qualifies for; returns their slugs. */
  async check(userId: string, now = new Date()): Promise<string[]> {
    // The ledger payment writes an outbox row: the worker's drain puts the badge points on the boards.
    return this.db.transaction(async (m) => {
      const exists = await m.query<unknown[]>(`SELECT 1 FROM users WHERE id = $1`, [userId]);
      if (exists.length === 0) return [];
      const { stats, held } = await this.stats.full(m, userId, now);
      // Badge amounts are not an experiment parameter, and evaluating point parameters here would log an
      // exposure for a learner who saw nothing: the defaults are what every arm pays for a badge.
      const awarding = await this.badges.award(
        m,
        userId,
        badgesNewlyEarned(stats, held, 'AGGREGATE'),
        DEFAULT_POINT_VALUES,
      );
      await this.ledger.pay(m, userId, awarding.awards);
      return awarding.earned.map((b) => b.slug);
    });
  }

  /** Checks every tutor with tutoring activity in the last `minutes` (the scheduled sweep). */
  async sweep(minutes: number, now = new Date()): Promise<{ checked: number; awarded: number }> {
    const rows = await this.db.query<{ user_id: string }[]>(
      `SELECT DISTINCT tutor_id AS user_id FROM tutoring_sessions
       WHERE completed AND ended_at > $1::timestamptz - make_interval(mins => $2)
       UNION
       SELECT DISTINCT s.tutor_id FROM session_ratings r JOIN tutoring_sessions s ON s.id = r.session_id
       WHERE r.created_at > $1::timestamptz - make_interval(mins => $2)
       UNION
       SELECT DISTINCT user_id FROM point_ledger
       WHERE reason IN ('TUTORING', 'TUTOR_IMPACT') AND created_at > $1::timestamptz - make_interval(mins => $2)`,
      [now, minutes],
    );
    let awarded = 0;
    for (const { user_id } of rows) awarded += (await this.check(user_id, now)).length;
    return { checked: rows.length, awarded };
  }
}
