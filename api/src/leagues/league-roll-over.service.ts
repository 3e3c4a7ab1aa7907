import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isoWeekKey, rollOverCohort, type LeagueTier } from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '../database/inject-data-source';
import { sqlRows } from '../database/sql';
import { cohortStandings } from './league-standings';
import { leagueRulesFrom } from './league-rules';

/**
 * Closes ended weeks: ranks each cohort from the ledger and records every member's outcome and next tier
 * (libs/domain `rollOverCohort`: top N up, bottom M down). Idempotent per cohort — the cohort row is locked
 * and a cohort already rolled over is skipped — so the weekly job, its catch-up runs and the lazy roll-over
 * of a learner's first points of a new week can all race safely.
 */
@Injectable()
export class LeagueRollOverService {
  private readonly logger = new Logger('Leagues');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Rolls over one cohort inside the caller's transaction; false when it was already done. */
  async rollOverCohort(m: EntityManager, cohortKey: string): Promise<boolean> {
    const [cohort] = await sqlRows<{ week_key: string; tier: LeagueTier; rolled_over_at: Date | null }>(
      m,
      `SELECT week_key, tier, rolled_over_at FROM league_cohorts WHERE cohort_key = $1 FOR UPDATE`,
      [cohortKey],
    );
    if (!cohort || cohort.rolled_over_at) return false;
    const outcomes = rollOverCohort(
      await cohortStandings(m, cohortKey, cohort.week_key),
      cohort.tier,
      leagueRulesFrom(this.config),
    );
    await sqlRows(
      m,
      `UPDATE league_members lm SET final_rank = o.rank, outcome = o.outcome, next_tier = o.next_tier
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS o(user_id, rank, outcome, next_tier)
       WHERE lm.cohort_key = $1 AND lm.user_id = o.user_id`,
      [
        cohortKey,
        outcomes.map((o) => o.userId),
        outcomes.map((o) => o.rank),
        outcomes.map((o) => o.outcome),
        outcomes.map((o) => o.nextTier),
      ],
    );
    await sqlRows(m, `UPDATE league_cohorts SET rolled_over_at = now() WHERE cohort_key = $1`, [cohortKey]);
    return true;
  }

  /** Rolls over every cohort of every week before the one containing `now`; one transaction per cohort. */
  async rollOverEndedWeeks(now = new Date()): Promise<{ cohorts: number }> {
    const pending = await this.db.query<{ cohort_key: string }[]>(
      `SELECT cohort_key FROM league_cohorts WHERE rolled_over_at IS NULL AND week_key < $1 ORDER BY week_key, cohort_key`,
      [isoWeekKey(now)],
    );
    let cohorts = 0;
    for (const { cohort_key } of pending) {
      if (await this.db.transaction((m) => this.rollOverCohort(m, cohort_key))) cohorts += 1;
    }
    if (cohorts) this.logger.log(`rolled over ${cohorts} league cohort(s)`);
    return { cohorts };
  }
}
