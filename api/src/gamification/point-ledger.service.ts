import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { capToMinuteBudget, POINTS_PER_MINUTE_CAP } from '@peerlift/domain';
import { sqlRows } from '../database/sql';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { LeagueMembershipService } from '../leagues/league-membership.service';
import type { PointReason } from './point-ledger-entry.entity';

export interface PointAward {
  reason: PointReason;
  amount: number;
  /** Unique per learner in the ledger: the same source never pays twice. */
  sourceKey: string;
}

export interface Payment {
  /** Points actually inserted now (0 for sources already paid or a spent minute budget). */
  awarded: number;
  /** The learner's total after this payment (= the sum of their ledger). */
  total: number;
  /** The transaction's time: every ledger entry it wrote has this created_at. */
  paidAt: Date;
}

/** Reasons clipped by the per-minute cap; one-off bonuses are paid at most once anyway (minute-budget-cap.ts). */
const CAPPED_REASONS: ReadonlySet<PointReason> = new Set(['CORRECT_ANSWER']);

/**
 * The one way points are paid. Inside the caller's transaction it appends to the append-only ledger
 * (ON CONFLICT on (user_id, source_key): a source pays once), moves `users.total_points` by exactly what was
 * inserted, writes a leaderboard outbox row (so the boards follow even if this process dies right after
 * COMMIT) and seats the learner in this week's league on their first points of the week.
 */
@Injectable()
export class PointLedgerService {
  constructor(private readonly leagues: LeagueMembershipService) {}

  async pay(m: EntityManager, userId: string, awards: readonly PointAward[]): Promise<Payment> {
    const capped = await this.capToMinuteBudget(m, userId, awards);
    const [row] = await sqlRows<{ total: number; awarded: number; paid_at: Date }>(
      m,
      `WITH ins AS (
         INSERT INTO point_ledger (user_id, reason, amount, source_key)
         SELECT $1, t.reason, t.amount, t.source_key
         FROM unnest($2::text[], $3::int[], $4::text[]) AS t(reason, amount, source_key)
         WHERE t.amount > 0
         ON CONFLICT (user_id, source_key) DO NOTHING
         RETURNING amount),
       outbox AS (
         INSERT INTO leaderboard_outbox (user_id) SELECT $1 WHERE EXISTS (SELECT 1 FROM ins))
       UPDATE users SET total_points = total_points + (SELECT coalesce(sum(amount), 0) FROM ins)
       WHERE id = $1
       RETURNING total_points AS total, (SELECT coalesce(sum(amount), 0) FROM ins)::int AS awarded, now() AS paid_at`,
      [userId, capped.map((a) => a.reason), capped.map((a) => a.amount), capped.map((a) => a.sourceKey)],
    );
    if (!row) throw new PeerliftError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists.');
    if (row.awarded > 0) await this.leagues.joinOnPoints(m, userId, row.paid_at);
    return { awarded: row.awarded, total: row.total, paidAt: row.paid_at };
  }

  /**
   * Clips capped reasons to what is left of the learner's budget over the last 60 seconds (a sliding
   * window, so there is no minute boundary to game). Answers clip inside their own guarded statement
   * (practice/answer-statements.ts); a caller paying a capped reason here must serialise the learner's
   * payments itself, or two payments could spend the same budget.
   */
  private async capToMinuteBudget(
    m: EntityManager,
    userId: string,
    awards: readonly PointAward[],
  ): Promise<PointAward[]> {
    if (!awards.some((a) => CAPPED_REASONS.has(a.reason))) return [...awards];
    const [{ recent }] = (await sqlRows<{ recent: number }>(
      m,
      `SELECT coalesce(sum(amount), 0)::int AS recent FROM point_ledger
       WHERE user_id = $1 AND reason = ANY($2::text[]) AND created_at > now() - interval '1 minute'`,
      [userId, [...CAPPED_REASONS]],
    )) as [{ recent: number }];
    let used = recent;
    return awards.map((a) => {
      if (!CAPPED_REASONS.has(a.reason)) return a;
      const amount = capToMinuteBudget({
        requested: a.amount,
        alreadyThisMinute: used,
        cap: POINTS_PER_MINUTE_CAP,
      });
      used += amount;
      return { ...a, amount };
    });
  }
}
