import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LuaRunner, type LuaArg } from './lua-runner';
import type { LuaScriptName } from './lua-scripts';
import type { TutoringKeys } from './tutoring-keys';

/** Tutors per HEARTBEAT_MANY call: ~0.5 ms of Redis's time, so no other command waits long behind one. */
const HEARTBEATS_PER_CALL = 250;

/**
 * Tutor presence in Redis: who is available for which skills, and their heartbeats (see presence-scripts
 * in lua-scripts.ts). A tutor's FREE/OFFERED/BUSY state is the claims' business (LiveStateService).
 */
@Injectable()
export class TutorPresenceState {
  private readonly keys: TutoringKeys;
  private readonly client: Redis;
  private readonly heartbeatTimeoutMs: number;

  constructor(private readonly lua: LuaRunner) {
    this.keys = lua.keys;
    this.client = lua.client;
    this.heartbeatTimeoutMs = lua.heartbeatTimeoutMs;
  }

  private run<T>(name: LuaScriptName, ...args: LuaArg[]): Promise<T> {
    return this.lua.run<T>(name, ...args);
  }

  /** Returns the heartbeat (ms, Redis clock). */
  setAvailable(tutorId: string, skills: readonly string[]): Promise<number> {
    return this.run<number>(
      'tutoringSetAvailable',
      this.keys.tutor(tutorId),
      this.keys.online(),
      tutorId,
      this.keys.base,
      skills.join(','),
    );
  }

  async setUnavailable(tutorId: string): Promise<void> {
    await this.run(
      'tutoringSetUnavailable',
      this.keys.tutor(tutorId),
      this.keys.online(),
      tutorId,
      this.keys.base,
    );
  }

  /** Returns the new heartbeat (ms), or null when the tutor is not available (any more). */
  async heartbeat(tutorId: string): Promise<number | null> {
    const at = await this.run<number>(
      'tutoringHeartbeat',
      this.keys.tutor(tutorId),
      this.keys.online(),
      tutorId,
    );
    return at > 0 ? at : null;
  }

  /**
   * Renews the heartbeats of those of `tutorIds` who are available, one Lua call per HEARTBEATS_PER_CALL;
   * returns how many were renewed.
   */
  async heartbeatMany(tutorIds: readonly string[]): Promise<number> {
    const calls: Promise<number>[] = [];
    for (let i = 0; i < tutorIds.length; i += HEARTBEATS_PER_CALL) {
      calls.push(
        this.run<number>(
          'tutoringHeartbeatMany',
          this.keys.online(),
          ...tutorIds.slice(i, i + HEARTBEATS_PER_CALL),
        ),
      );
    }
    return (await Promise.all(calls)).reduce((a, b) => a + b, 0);
  }

  async availability(
    tutorId: string,
  ): Promise<{ available: boolean; skills: string[]; heartbeatMs: number | null }> {
    const [[, fields], [, score]] = (await this.client
      .pipeline()
      .hmget(this.keys.tutor(tutorId), 'available', 'skills')
      .zscore(this.keys.online(), tutorId)
      .exec()) as [[null, (string | null)[]], [null, string | null]];
    const available = fields[0] === '1' && score !== null;
    return {
      available,
      skills: available && fields[1] ? fields[1].split(',') : [],
      heartbeatMs: score === null ? null : Number(score),
    };
  }

  sweepSilentTutors(limit: number): Promise<string[]> {
    return this.run<string[]>(
      'tutoringSweepSilent',
      this.keys.online(),
      this.keys.base,
      this.heartbeatTimeoutMs,
      limit,
    );
  }

  /** Available tutors proficient in the skill ("tutors online" for a learner). */
  tutorsOnline(skill: string): Promise<number> {
    return this.client.scard(this.keys.available(skill));
  }

  /** Of those, the ones free right now (the skill's pool: in no session, deciding on no offer). */
  freeTutors(skill: string): Promise<number> {
    return this.client.zcard(this.keys.free(skill));
  }
}
