import { Injectable, Logger } from '@nestjs/common';
import { RealtimeService } from '../../realtime/realtime.module';
import type { TutoringEventModel, TutoringEventTypeEnum } from './models/tutoring-event.model';

export interface TutoringEvent {
  type: TutoringEventTypeEnum | `${TutoringEventTypeEnum}`;
  requestId?: string | null;
  offerId?: string | null;
  sessionId?: string | null;
}

/**
 * Publishes refetch hints to users over Redis pub/sub, so whichever api instance holds a user's WebSocket
 * delivers them. Pub/sub is at most once; a failed publish is logged and never fails the caller, whose
 * state change is already committed.
 */
@Injectable()
export class TutoringEventsService {
  private readonly logger = new Logger('TutoringEvents');

  constructor(private readonly realtime: RealtimeService) {}

  channel(userId: string): string {
    return this.realtime.channel('tutoring', userId);
  }

  async publish(userIds: readonly string[], event: TutoringEvent): Promise<void> {
    const payload: TutoringEventModel = {
      type: event.type as TutoringEventTypeEnum,
      requestId: event.requestId ?? null,
      offerId: event.offerId ?? null,
      sessionId: event.sessionId ?? null,
    };
    await Promise.all(
      userIds.map((id) =>
        this.realtime
          .publish(this.channel(id), payload)
          .catch((e: unknown) => this.logger.warn(`publish failed: ${String(e)}`)),
      ),
    );
  }

  subscribe(userId: string): AsyncIterableIterator<TutoringEventModel> {
    return this.realtime.subscribe<TutoringEventModel>(this.channel(userId));
  }
}
