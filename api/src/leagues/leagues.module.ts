import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { LeagueMembershipService } from './league-membership.service';
import { LeagueRollOverService } from './league-roll-over.service';
import { MyLeagueResolver } from './my-league.resolver';
import { MyLeagueService } from './my-league.service';

@Module({
  imports: [ExperimentsModule],
  providers: [LeagueMembershipService, LeagueRollOverService, MyLeagueService, MyLeagueResolver],
  exports: [LeagueMembershipService, LeagueRollOverService],
})
export class LeaguesModule {}
