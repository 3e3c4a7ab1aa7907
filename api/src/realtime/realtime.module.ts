import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * Live events between api instances over Redis pub/sub (at most once). Events only tell a client to
 * refetch durable state from Postgres/Redis, so a dropped message or WebSocket loses nothing.
 * Channel names go through `channel()`, which applies the run's Redis prefix.
 */
@Injectable()
export class RealtimeService implements OnApplicationShutdown {
  readonly pubSub: RedisPubSub;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.REDIS_PREFIX;
    this.pubSub = new RedisPubSub({
      // Events published in the same turn (a match tells tutor and learner) share one write.
      publisher: new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true }),
      subscriber: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    });
  }

  channel(...parts: string[]): string {
    return [this.prefix, 'live', ...parts].join(':');
  }

  publish(channel: string, payload: unknown): Promise<void> {
    return this.pubSub.publish(channel, payload);
  }

  /** An async iterator for a GraphQL subscription resolver; its return() unsubscribes on disconnect. */
  subscribe<T>(channel: string): AsyncIterableIterator<T> {
    return this.pubSub.asyncIterableIterator<T>(channel) as AsyncIterableIterator<T>;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pubSub.close().catch(() => undefined);
  }
}

@Global()
@Module({ providers: [RealtimeService], exports: [RealtimeService] })
export class RealtimeModule {}
