import { Module } from '@nestjs/common';
import { TutoringCoreModule } from '../tutoring-core.module';
import { HelpRequestViewService } from './help-request-view.service';
import { RecentMatchRates } from './recent-match-rates';
import { HelpRequestsResolver } from './help-requests.resolver';
import { HelpRequestsService } from './help-requests.service';

@Module({
  imports: [TutoringCoreModule],
  providers: [HelpRequestsService, HelpRequestViewService, RecentMatchRates, HelpRequestsResolver],
  exports: [HelpRequestsService],
})
export class HelpRequestsModule {}
