import { Module } from '@nestjs/common';
import { PresenceModule } from '../presence/presence.module';
import { TutoringCoreModule } from '../tutoring-core.module';
import { TutoringEventsResolver } from './tutoring-events.resolver';

@Module({ imports: [TutoringCoreModule, PresenceModule], providers: [TutoringEventsResolver] })
export class TutoringEventsModule {}
