import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisService } from '../../redis/redis.module';
import { LUA_SCRIPTS, type LuaScriptName } from './lua-scripts';
import { TutoringKeys } from './tutoring-keys';

export type LuaArg = string | number;
type Runner<R> = Record<LuaScriptName, (...args: LuaArg[]) => R>;

/**
 * Registers the tutoring Lua scripts on the process's Redis connection (EVALSHA, falling back to EVAL) and
 * runs them; the one place that knows their calling convention.
 */
@Injectable()
export class LuaRunner {
  readonly keys: TutoringKeys;
  readonly client: Redis;
  readonly heartbeatTimeoutMs: number;

  constructor(redis: RedisService, @Inject(APP_CONFIG) config: AppConfig) {
    this.keys = new TutoringKeys(redis);
    this.client = redis.client;
    this.heartbeatTimeoutMs = config.TUTOR_HEARTBEAT_TIMEOUT_SECONDS * 1000;
    for (const [name, script] of Object.entries(LUA_SCRIPTS)) {
      this.client.defineCommand(name, { numberOfKeys: script.keys, lua: script.lua });
    }
  }

  run<T>(name: LuaScriptName, ...args: LuaArg[]): Promise<T> {
    return (this.client as unknown as Runner<Promise<unknown>>)[name](...args) as Promise<T>;
  }

  /** Adds a script call to a pipeline (it runs, and its result arrives, on `exec`). */
  queue(pipe: ChainableCommander, name: LuaScriptName, ...args: LuaArg[]): void {
    (pipe as unknown as Runner<ChainableCommander>)[name](...args);
  }

  /** The Redis clock (ms): the one clock of deadlines and heartbeats. */
  async now(): Promise<number> {
    const [seconds, micros] = await this.client.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }
}
