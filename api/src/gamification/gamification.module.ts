import { Module } from '@nestjs/common';
import { BadgesModule } from '../badges/badges.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { LeaderboardsModule } from '../leaderboards/leaderboards.module';
import { LeaguesModule } from '../leagues/leagues.module';
import { StreaksModule } from '../streaks/streaks.module';
import { AggregateBadgesService } from './aggregate-badges.service';
import { GamificationService } from './gamification.service';
import { PointLedgerService } from './point-ledger.service';

/**
 * Points, badges, streaks, leaderboards and leagues (docs/gamification.md). The sub-features are their own
 * modules; this one ties them to the ledger and exports what practice, tutoring and the worker call.
 */
@Module({
  imports: [ExperimentsModule, StreaksModule, BadgesModule, LeaderboardsModule, LeaguesModule],
  providers: [PointLedgerService, GamificationService, AggregateBadgesService],
  exports: [
    PointLedgerService,
    GamificationService,
    AggregateBadgesService,
    LeaderboardsModule,
    LeaguesModule,
  ],
})
export class GamificationModule {}
