import { Module } from '@nestjs/common';
import { TutoringEventsModule } from './events/tutoring-events.module';
import { HelpRequestsModule } from './help-requests/help-requests.module';
import { OffersModule } from './offers/offers.module';
import { PresenceModule } from './presence/presence.module';
import { SafetyModule } from './safety/safety.module';
import { SessionsModule } from './sessions/sessions.module';

/**
 * Peer tutoring (docs/tutoring.md): presence, help requests, offers, sessions with chat, safety and live
 * events. Matching itself runs in the worker (MatchingModule).
 */
@Module({
  imports: [
    PresenceModule,
    HelpRequestsModule,
    OffersModule,
    SessionsModule,
    SafetyModule,
    TutoringEventsModule,
  ],
})
export class TutoringModule {}
