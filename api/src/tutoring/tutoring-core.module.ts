import { Module } from '@nestjs/common';
import { TutoringEventsService } from './events/tutoring-events.service';
import { LiveStateService } from './live/live-state.service';
import { LiveSyncService } from './live/live-sync.service';
import { LuaRunner } from './live/lua-runner';
import { TutorPresenceState } from './live/tutor-presence-state.service';
import { MatchingQueue } from './matching/matching-queue';

/**
 * What every tutoring module (and the worker) shares: the Redis live state and its repair from Postgres,
 * live events, and the matching queue's producer.
 */
@Module({
  providers: [
    LuaRunner,
    LiveStateService,
    TutorPresenceState,
    LiveSyncService,
    TutoringEventsService,
    MatchingQueue,
  ],
  exports: [LiveStateService, TutorPresenceState, LiveSyncService, TutoringEventsService, MatchingQueue],
})
export class TutoringCoreModule {}
