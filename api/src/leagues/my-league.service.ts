import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  isoWeekEnd,
  isoWeekKey,
  leagueSlotsForCohort,
  leagueTierAbove,
  leagueTierBelow,
  rankLeagueStandings,
  type LeagueTier,
} from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '../database/inject-data-source';
import { sqlRows } from '../database/sql';
import { LeagueMembershipService } from './league-membership.service';
import { cohortStandings } from './league-standings';
import { leagueRulesFrom } from './league-rules';
import type { MyLeagueModel } from './models/my-league.model';

/** `myLeague`: my cohort this week, ranked from the ledger, with the promotion and demotion lines. */
@Injectable()
export class MyLeagueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly membership: LeagueMembershipService,
  ) {}

  async myLeague(userId: string, now = new Date()): Promise<MyLeagueModel> {
    const weekKey = isoWeekKey(now);
    // A read-only look: tierForWeek may roll last week's cohort over, which is exactly what the job would do.
    return this.db.transaction(async (m) => {
      const [seat] = await sqlRows<{ cohort_key: string; tier: LeagueTier }>(
        m,
        `SELECT cohort_key, tier FROM league_members WHERE user_id = $1 AND week_key = $2`,
        [userId, weekKey],
      );
      const tier = seat?.tier ?? (await this.membership.tierForWeek(m, userId, weekKey));
      const standings = seat ? await cohortStandings(m, seat.cohort_key, weekKey) : [];
      const handles = new Map(standings.map((s) => [s.userId, s.handle]));
      const ranked = rankLeagueStandings(standings);
      const slots = leagueSlotsForCohort(ranked.length, leagueRulesFrom(this.config));
      return {
        tier,
        weekKey,
        joined: !!seat,
        endsAt: isoWeekEnd(now),
        promotionRank: slots.promote > 0 && leagueTierAbove(tier) ? slots.promote : null,
        demotionRank: slots.demote > 0 && leagueTierBelow(tier) ? ranked.length - slots.demote + 1 : null,
        standings: ranked.map((s, i) => ({
          rank: i + 1,
          handle: handles.get(s.userId)!,
          points: s.points,
          me: s.userId === userId,
        })),
      };
    });
  }
}
