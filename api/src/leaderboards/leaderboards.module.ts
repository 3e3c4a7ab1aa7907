import { Module } from '@nestjs/common';
import { LeaderboardRebuildService } from './leaderboard-rebuild.service';
import { LeaderboardRelayService } from './leaderboard-relay.service';
import { LeaderboardResolver } from './leaderboard.resolver';
import { LeaderboardService } from './leaderboard.service';
import { LearnerDirectory } from './learner-directory';

@Module({
  providers: [
    LeaderboardRelayService,
    LeaderboardRebuildService,
    LeaderboardService,
    LearnerDirectory,
    LeaderboardResolver,
  ],
  exports: [LeaderboardRelayService, LeaderboardRebuildService],
})
export class LeaderboardsModule {}
