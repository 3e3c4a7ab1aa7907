import { Module } from '@nestjs/common';
import { TutoringCoreModule } from '../tutoring-core.module';
import { HeartbeatBatcher } from './heartbeat-batcher';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

@Module({
  imports: [TutoringCoreModule],
  providers: [PresenceService, PresenceResolver, HeartbeatBatcher],
  exports: [PresenceService],
})
export class PresenceModule {}
