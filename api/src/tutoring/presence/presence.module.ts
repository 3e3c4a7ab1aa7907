import { Module } from '@nestjs/common';
import { TutoringCoreModule } from '../tutoring-core.module';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

@Module({
  imports: [TutoringCoreModule],
  providers: [PresenceService, PresenceResolver],
  exports: [PresenceService],
})
export class PresenceModule {}
