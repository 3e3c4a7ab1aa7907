import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * One shared ioredis connection per process for commands. Every key goes through `key()`, which puts the
 * configured prefix in front (tests give each run and file its own prefix). BullMQ gets its own connections;
 * nothing blocking runs on this one (auto-pipelining would queue other commands behind it).
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
      // Commands issued in the same turn of the event loop go out in one write (e.g. a view's three reads,
      // concurrent requests' scripts): on a loaded machine the socket writes, not Redis, were the cost.
      enableAutoPipelining: true,
    });
  }

  key(...parts: (string | number)[]): string {
    return [this.config.REDIS_PREFIX, ...parts].join(':');
  }

  get prefix(): string {
    return this.config.REDIS_PREFIX;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
