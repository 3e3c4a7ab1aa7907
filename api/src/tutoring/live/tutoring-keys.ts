import type { RedisService } from '../../redis/redis.module';

/**
 * Redis keys of the tutoring live state (docs/tutoring.md, "Redis live state"). Every key carries the hash
 * tag `{tutoring}`, so in Redis Cluster all of them live in one slot and each Lua script touches one slot;
 * scripts build per-skill keys from {@link TutoringKeys.base}, which is only valid because of that.
 */
export class TutoringKeys {
  /** `<prefix>:{tutoring}:` — what Lua scripts put in front of per-skill and per-tutor key names. */
  readonly base: string;

  constructor(redis: RedisService) {
    this.base = `${redis.key('{tutoring}')}:`;
  }

  /** HASH state, skill, learner, created (ms), fence, offer, tutor, deadline (ms). */
  request(id: string): string {
    return `${this.base}req:${id}`;
  }
  /** ZSET request id → created (ms): the place in line of WAITING and OFFERED requests. */
  line(skill: string): string {
    return `${this.base}line:${skill}`;
  }
  /** ZSET request id → created (ms): WAITING requests only, what a matching tick takes. */
  waiting(skill: string): string {
    return `${this.base}waiting:${skill}`;
  }
  /** SET of skills that may have waiting requests (pruned by the tick). */
  waitingSkills(): string {
    return `${this.base}waiting-skills`;
  }
  /**
   * STRING, short-lived: a matching tick of this shard has been asked for since its last tick began, so a
   * new request need not ask again (ENQUEUE_REQUEST sets it, TICK_START clears it as the shard's tick begins).
   */
  tickAsked(shard: number): string {
    return `${this.base}tick-asked:${shard}`;
  }
  /** STRING request id: the user is waiting for help, so is never offered a request as a tutor. */
  learnerMark(userId: string): string {
    return `${this.base}learner:${userId}`;
  }
  /** HASH state (FREE|OFFERED|BUSY), available, skills (csv), fence, offer, request, session, lastOffer (ms). */
  tutor(id: string): string {
    return `${this.base}tutor:${id}`;
  }
  /** ZSET tutor id → last heartbeat (ms, Redis clock) of available tutors. */
  online(): string {
    return `${this.base}online`;
  }
  /** SET of available tutors proficient in the skill ("tutors online" for a learner). */
  available(skill: string): string {
    return `${this.base}avail:${skill}`;
  }
  /** ZSET tutor id → last offer (ms): available tutors of the skill who are FREE, least recently offered first. */
  free(skill: string): string {
    return `${this.base}free:${skill}`;
  }
  /** ZSET offer id → deadline (ms): what the sweep ends offers (and crashed claims) by. */
  deadlines(): string {
    return `${this.base}deadlines`;
  }
  /** HASH request, tutor, fence of a claimed offer. */
  offer(id: string): string {
    return `${this.base}offer:${id}`;
  }
  /** STRING counter of fencing tokens. */
  fence(): string {
    return `${this.base}fence`;
  }
}
