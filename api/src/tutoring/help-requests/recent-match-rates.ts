import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, type PreparedSql } from '../../database/sql';

/** Matches over this window set the observed match rate of the wait estimate (wait-estimate.ts). */
export const MATCH_RATE_WINDOW_MINUTES = 15;
/**
 * How long a skill's count is reused. A rate over fifteen minutes barely moves in five seconds, and the
 * estimate it feeds is shown rounded ("about 3 minutes"); counting sessions on every request and every poll
 * was the single largest Postgres cost of bench/matching's steady phase.
 */
const REUSE_MS = 5_000;

const SESSIONS_STARTED: PreparedSql = {
  name: 'recent_match_count',
  text: `SELECT count(*)::int AS n FROM tutoring_sessions
         WHERE skill_slug = $1 AND started_at > now() - make_interval(mins => $2)`,
};

/** Sessions started per minute in a skill, over the last MATCH_RATE_WINDOW_MINUTES, counted in Postgres. */
@Injectable()
export class RecentMatchRates {
  /** One entry per skill (slugs are validated against the curriculum, so the map stays small). */
  private readonly counts = new Map<string, { atMs: number; count: Promise<number> }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  perMinute(skillSlug: string): Promise<number> {
    const now = Date.now();
    let entry = this.counts.get(skillSlug);
    if (!entry || now - entry.atMs >= REUSE_MS) {
      // Callers arriving while the count is read share the one query.
      const count = preparedRows<{ n: number }>(this.db, SESSIONS_STARTED, [
        skillSlug,
        MATCH_RATE_WINDOW_MINUTES,
      ]).then((rows) => rows[0].n);
      entry = { atMs: now, count };
      this.counts.set(skillSlug, entry);
      // A failed read is not kept: the next caller tries again.
      count.catch(() => {
        if (this.counts.get(skillSlug) === entry) this.counts.delete(skillSlug);
      });
    }
    return entry.count.then((n) => n / MATCH_RATE_WINDOW_MINUTES);
  }
}
