import { Module } from '@nestjs/common';
import { StreaksModule } from '../streaks/streaks.module';
import { BadgeAwardService } from './badge-award.service';
import { BadgeStatsService } from './badge-stats.service';
import { MyBadgesResolver } from './my-badges.resolver';
import { MyBadgesService } from './my-badges.service';
import { OpenBadgesController } from './open-badges.controller';
import { OpenBadgesService } from './open-badges.service';

@Module({
  imports: [StreaksModule],
  controllers: [OpenBadgesController],
  providers: [BadgeAwardService, BadgeStatsService, MyBadgesService, MyBadgesResolver, OpenBadgesService],
  exports: [BadgeAwardService, BadgeStatsService],
})
export class BadgesModule {}
