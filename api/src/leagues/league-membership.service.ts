import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  cohortGroupKey,
  cohortKeyFor,
  ENTRY_LEAGUE_TIER,
  isoWeekKey,
  type LeagueTier,
} from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { sqlRows } from '../database/sql';
import { ParametersService } from '../experiments/parameters.service';
import { LeagueRollOverService } from './league-roll-over.service';
import { leagueRulesFrom } from './league-rules';

/**
 * Seats a learner in a weekly cohort on their first points of the ISO week, inside the transaction that
 * pays them. The cohort group is (week, tier, point-value experiment arm), so arms never share a cohort;
 * a transaction-scoped advisory lock on the group makes "read the cohort sizes, take a seat" atomic.
 */
@Injectable()
export class LeagueMembershipService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly parameters: ParametersService,
    private readonly rollOver: LeagueRollOverService,
  ) {}

  async joinOnPoints(m: EntityManager, userId: string, paidAt: Date): Promise<void> {
    const weekKey = isoWeekKey(paidAt);
    const [seated] = await sqlRows(m, `SELECT 1 FROM league_members WHERE user_id = $1 AND week_key = $2`, [
      userId,
      weekKey,
    ]);
    if (seated) return;
    const tier = await this.tierForWeek(m, userId, weekKey);
    const armKey = await this.parameters.pointsArmKey(userId);
    await sqlRows(m, `SELECT pg_advisory_xact_lock(hashtextextended($1, 727002))`, [
      cohortGroupKey(weekKey, tier, armKey),
    ]);
    const cohorts = await sqlRows<{ member_count: number }>(
      m,
      `SELECT member_count FROM league_cohorts WHERE week_key = $1 AND tier = $2 AND arm_key = $3 ORDER BY sequence`,
      [weekKey, tier, armKey],
    );
    const choice = cohortKeyFor({
      weekKey,
      tier,
      armKey,
      cohortSizes: cohorts.map((c) => c.member_count),
      rules: leagueRulesFrom(this.config),
    });
    await sqlRows(
      m,
      `INSERT INTO league_cohorts (cohort_key, week_key, tier, arm_key, sequence) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (cohort_key) DO NOTHING`,
      [choice.cohortKey, weekKey, tier, armKey, choice.sequence],
    );
    await sqlRows(
      m,
      `WITH seat AS (
         INSERT INTO league_members (user_id, week_key, cohort_key, tier) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, week_key) DO NOTHING RETURNING cohort_key)
       UPDATE league_cohorts SET member_count = member_count + 1 WHERE cohort_key IN (SELECT cohort_key FROM seat)`,
      [userId, weekKey, choice.cohortKey, tier],
    );
  }

  /**
   * The tier a learner plays in during `weekKey`: the outcome of their most recent earlier league week,
   * rolling that cohort over now if the weekly job has not reached it yet; the entry tier for newcomers.
   * A learner who skips weeks keeps their tier.
   */
  async tierForWeek(m: EntityManager, userId: string, weekKey: string): Promise<LeagueTier> {
    const last = async () =>
      (
        await sqlRows<{ cohort_key: string; tier: LeagueTier; next_tier: LeagueTier | null }>(
          m,
          `SELECT cohort_key, tier, next_tier FROM league_members WHERE user_id = $1 AND week_key < $2
           ORDER BY week_key DESC LIMIT 1`,
          [userId, weekKey],
        )
      )[0];
    const previous = await last();
    if (!previous) return ENTRY_LEAGUE_TIER;
    if (previous.next_tier) return previous.next_tier;
    await this.rollOver.rollOverCohort(m, previous.cohort_key);
    return (await last())?.next_tier ?? previous.tier;
  }
}
