import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { maskContactDetails } from '@peerlift/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InjectDataSource } from '../../database/inject-data-source';
import { sqlRows } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { RedisService } from '../../redis/redis.module';
import { TutoringEventsService } from '../events/tutoring-events.service';
import type { SessionMessageModel } from './models/tutoring-session.model';
import { toMessage } from './session-view.service';

interface SessionFacts {
  involves_minor: boolean;
  state: string;
  tutor_id: string;
  learner_id: string;
  handle: string;
}

/**
 * Chat in a live session: persisted first (the transcript is kept for moderation, what was typed included),
 * then pushed to both participants as a refetch hint. In a session involving a minor, emails, phone numbers,
 * links and social handles are masked in what is delivered. Messages per user are capped per minute
 * across all api instances (Redis).
 */
@Injectable()
export class MessagesService {
  private readonly limiter: RateLimiterRedis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: TutoringEventsService,
    redis: RedisService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('chat-rate'),
      points: config.CHAT_MESSAGES_PER_MINUTE,
      duration: 60,
    });
  }

  async send(userId: string, sessionId: string, text: string): Promise<SessionMessageModel> {
    const typed = text.trim();
    if (!typed)
      throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'A message needs some text.', {
        fields: { text: ['empty'] },
      });
    const message = await this.db.transaction(async (m) => {
      const [s] = await sqlRows<SessionFacts>(
        m,
        `SELECT s.involves_minor, s.state, s.tutor_id, s.learner_id, u.handle
         FROM tutoring_sessions s JOIN users u ON u.id = $2
         WHERE s.id = $1 AND $2 IN (s.tutor_id, s.learner_id) FOR SHARE OF s`,
        [sessionId, userId],
      );
      if (!s) throw new PeerliftError(ErrorCode.NOT_FOUND, 'There is no such session of yours.');
      if (s.state !== 'LIVE') throw new PeerliftError(ErrorCode.SESSION_NOT_LIVE, 'This session has ended.');
      await this.consume(userId);
      const delivered = s.involves_minor ? maskContactDetails(typed) : { text: typed, masked: 0 };
      const [row] = await sqlRows<{ id: string; sent_at: Date }>(
        m,
        `INSERT INTO session_messages (session_id, author_id, text, original_text, masked)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, sent_at`,
        [sessionId, userId, delivered.text, typed, delivered.masked > 0],
      );
      const model = toMessage(
        {
          id: row.id,
          author_id: userId,
          text: delivered.text,
          masked: delivered.masked > 0,
          sent_at: row.sent_at,
        },
        s.handle,
      );
      return { model, people: [s.tutor_id, s.learner_id] };
    });
    await this.events.publish(message.people, { type: 'MESSAGE', sessionId });
    return message.model;
  }

  private async consume(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw new PeerliftError(ErrorCode.RATE_LIMITED, 'You are sending messages too fast. Wait a moment.', {
        retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000),
      });
    }
  }
}
