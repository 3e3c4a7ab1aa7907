import { Module } from '@nestjs/common';
import { GamificationModule } from '../../gamification/gamification.module';
import { TutoringCoreModule } from '../tutoring-core.module';
import { MessagesService } from './messages.service';
import { RatingsService } from './ratings.service';
import { SessionViewService } from './session-view.service';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { TutorImpactService } from './tutor-impact.service';
import { TutorRewardsService } from './tutor-rewards.service';

@Module({
  imports: [TutoringCoreModule, GamificationModule],
  providers: [
    SessionViewService,
    SessionsService,
    MessagesService,
    RatingsService,
    TutorRewardsService,
    TutorImpactService,
    SessionsResolver,
  ],
  exports: [SessionsService, TutorImpactService],
})
export class SessionsModule {}
