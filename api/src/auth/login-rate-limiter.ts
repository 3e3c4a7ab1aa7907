import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { RedisService } from '../redis/redis.module';

/**
 * Failed log-ins are counted per handle in Redis (shared by every api instance): after
 * LOGIN_ATTEMPTS_PER_WINDOW failures within LOGIN_WINDOW_SECONDS the handle is refused until the window
 * ends, even with the right password, so guessing cannot continue from another instance.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: RedisService, @Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('login-fail'),
      points: config.LOGIN_ATTEMPTS_PER_WINDOW,
      duration: config.LOGIN_WINDOW_SECONDS,
    });
  }

  async assertAllowed(handle: string): Promise<void> {
    const state = await this.limiter.get(handle.toLowerCase());
    if (state && state.remainingPoints <= 0) {
      throw new PeerliftError(ErrorCode.RATE_LIMITED, 'Too many failed log-ins. Try again later.', {
        retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000),
      });
    }
  }

  async recordFailure(handle: string): Promise<void> {
    await this.limiter.penalty(handle.toLowerCase(), 1);
  }

  async reset(handle: string): Promise<void> {
    await this.limiter.delete(handle.toLowerCase());
  }
}
