import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LuaRunner, type LuaArg } from './lua-runner';
import type { LuaScriptName } from './lua-scripts';
import type { TutoringKeys } from './tutoring-keys';

export interface OfferRef {
  offerId: string;
  requestId: string;
  tutorId: string;
}

export interface TickSnapshot {
  nowMs: number;
  requests: { id: string; createdMs: number }[];
  tutors: { id: string; heartbeatMs: number }[];
}

/**
 * How many spare tutors (beyond one per request) a tick considers per skill: `perTick` shared among the
 * tick's skills, each skill's share kept within [perSkillMin, perSkillMax].
 */
export interface PoolSpares {
  perSkillMax: number;
  perSkillMin: number;
  perTick: number;
}

/** A waiting request's place in its line and its skill's tutors: available, and of them free now. */
export interface LineView {
  position: number;
  tutorsOnline: number;
  freeTutors: number;
}

export type ClaimResult = { ok: true; fence: number; deadlineMs: number } | { ok: false; reason: number };
export type ReleaseResult = 'released' | 'matched' | 'gone';

/** A request as Postgres knows it, for {@link LiveStateService.restoreRequest}. */
export interface RequestTruth {
  id: string;
  state: string;
  skillSlug: string;
  learnerId: string;
  createdMs: number;
  fence: number;
  offerId: string | null;
  tutorId: string | null;
  deadlineMs: number | null;
}

/** A tutor as Postgres knows it, for {@link LiveStateService.restoreTutor}. */
export interface TutorTruth {
  tutorId: string;
  state: 'FREE' | 'OFFERED' | 'BUSY';
  offerId: string | null;
  requestId: string | null;
  sessionId: string | null;
  fence: number;
}

/**
 * How long a shard's tickAsked flag lives (ms). It only saves jobs: a tick clears it when it begins, and if
 * the process that set it dies before adding the job, requests wait at most until the sweep's tick (every
 * second) — or, after this long, the next request asks again.
 */
const TICK_ASKED_TTL_MS = 1000;

/**
 * The tutoring live state in Redis (lines, tutor pools, claims), changed only through the Lua scripts in
 * lua-scripts.ts. Postgres stays the source of truth: every change here is confirmed there, and the
 * `restore*` methods bring Redis back in line with it.
 */
export type AcceptRef = OfferRef & { sessionId: string; skillSlug: string };

@Injectable()
export class LiveStateService {
  readonly keys: TutoringKeys;
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

  /** The Redis clock (ms). */
  now(): Promise<number> {
    return this.lua.now();
  }

  /**
   * Puts the request in its line. With `tickShard`, also tells whether the caller should ask for a tick of
   * that shard: not when an earlier request already asked and that tick has not begun (ENQUEUE_REQUEST).
   * A joined request comes back with its place in line (from 1) and its skill's tutors, as the learner's
   * view shows them.
   */
  async enqueue(r: {
    id: string;
    skillSlug: string;
    learnerId: string;
    createdMs: number;
    tickShard?: number;
  }): Promise<{ joined: boolean; askTick: boolean; line?: LineView }> {
    const k = this.keys;
    const keys = [
      k.request(r.id),
      k.line(r.skillSlug),
      k.waiting(r.skillSlug),
      k.waitingSkills(),
      k.learnerMark(r.learnerId),
      k.tickAsked(r.tickShard ?? 0),
      k.available(r.skillSlug),
      k.free(r.skillSlug),
    ];
    const flagTtl = r.tickShard === undefined ? 0 : TICK_ASKED_TTL_MS;
    const [status, rank, tutorsOnline, freeTutors] = await this.run<number[]>(
      'tutoringEnqueue',
      ...keys,
      r.id,
      r.skillSlug,
      r.learnerId,
      r.createdMs,
      flagTtl,
    );
    if (status === 0) return { joined: false, askTick: false };
    return { joined: true, askTick: status === 2, line: { position: rank + 1, tutorsOnline, freeTutors } };
  }

  /** Claims the pairs (each of its request's skill) in one round trip; each claim is atomic on its own. */
  async claim(pairs: readonly (OfferRef & { skillSlug: string })[], ttlMs: number): Promise<ClaimResult[]> {
    const k = this.keys;
    const pipe = this.client.pipeline();
    for (const p of pairs) {
      const keys = [
        k.request(p.requestId),
        k.tutor(p.tutorId),
        k.waiting(p.skillSlug),
        k.online(),
        k.fence(),
        k.deadlines(),
        k.offer(p.offerId),
        k.learnerMark(p.tutorId),
      ];
      this.lua.queue(
        pipe,
        'tutoringClaim',
        ...keys,
        p.requestId,
        p.tutorId,
        p.offerId,
        ttlMs,
        this.heartbeatTimeoutMs,
        k.base,
      );
    }
    const results = (await pipe.exec()) ?? [];
    return results.map(([err, value]) => {
      if (err) throw err;
      const [a, b] = value as number[];
      return a > 0 ? { ok: true, fence: a, deadlineMs: b } : { ok: false, reason: a };
    });
  }

  async release(o: OfferRef): Promise<ReleaseResult> {
    const k = this.keys;
    const keys = [
      k.request(o.requestId),
      k.tutor(o.tutorId),
      k.waitingSkills(),
      k.deadlines(),
      k.offer(o.offerId),
      k.online(),
    ];
    return this.run<ReleaseResult>(
      'tutoringRelease',
      ...keys,
      o.offerId,
      o.requestId,
      o.tutorId,
      k.base,
      this.heartbeatTimeoutMs,
    );
  }

  /** Forgets an offer's deadline: the offer is settled in Postgres (accepted) or unknown everywhere. */
  async dropDeadline(offerId: string): Promise<void> {
    await this.client.zrem(this.keys.deadlines(), offerId);
  }

  /**
   * Forgets an offer Postgres has confirmed as accepted: its deadline (the safety net until then) and its
   * claim record (which otherwise only a release deletes), so neither the sweep nor memory keeps it.
   */
  async settleAccepted(offerId: string): Promise<void> {
    await Promise.all([
      this.client.zrem(this.keys.deadlines(), offerId),
      this.client.del(this.keys.offer(offerId)),
    ]);
  }

  /** Returns the offer's fence, or null when the offer no longer holds the request and tutor (or is past due). */
  async accept(o: AcceptRef): Promise<number | null> {
    const fence = await this.run<number>('tutoringAccept', ...this.acceptArgs(o));
    return fence > 0 ? fence : null;
  }

  /**
   * ACCEPT_OFFER knowing only the offer and the tutor (ACCEPT_OFFER_BY_ID): the request, skill and learner
   * come from Redis. `unknown`: Redis has no claim record of this offer for this tutor — ask Postgres.
   */
  async acceptById(o: {
    offerId: string;
    tutorId: string;
    sessionId: string;
  }): Promise<
    | { ok: true; fence: number; requestId: string; skillSlug: string; learnerId: string }
    | { ok: false; unknown: boolean }
  > {
    const k = this.keys;
    const r = await this.run<[number, string?, string?, string?]>(
      'tutoringAcceptById',
      k.offer(o.offerId),
      k.tutor(o.tutorId),
      o.offerId,
      o.tutorId,
      o.sessionId,
      k.base,
    );
    if (r[0] > 0) return { ok: true, fence: r[0], requestId: r[1]!, skillSlug: r[2]!, learnerId: r[3]! };
    return { ok: false, unknown: r[0] === -3 };
  }

  /** Takes back this accept's hold after Postgres refused it (UNDO_ACCEPT); a no-op if it is gone. */
  async undoAccept(o: AcceptRef): Promise<void> {
    await this.run('tutoringUndoAccept', ...this.acceptArgs(o));
  }

  /** Keys and arguments of ACCEPT_OFFER and UNDO_ACCEPT, which touch the same request, tutor and line. */
  private acceptArgs(o: AcceptRef): string[] {
    const k = this.keys;
    return [
      k.request(o.requestId),
      k.tutor(o.tutorId),
      k.line(o.skillSlug),
      o.offerId,
      o.requestId,
      o.tutorId,
      o.sessionId,
    ];
  }

  async restoreRequest(t: RequestTruth): Promise<void> {
    const k = this.keys;
    const keys = [
      k.request(t.id),
      k.line(t.skillSlug),
      k.waiting(t.skillSlug),
      k.waitingSkills(),
      k.learnerMark(t.learnerId),
      k.deadlines(),
    ];
    await this.run(
      'tutoringRestoreRequest',
      ...keys,
      t.id,
      t.state,
      t.skillSlug,
      t.learnerId,
      t.createdMs,
      t.fence,
      t.offerId ?? '',
      t.tutorId ?? '',
      t.deadlineMs ?? 0,
    );
  }

  async restoreTutor(t: TutorTruth): Promise<void> {
    const k = this.keys;
    await this.run(
      'tutoringRestoreTutor',
      k.tutor(t.tutorId),
      k.online(),
      t.tutorId,
      k.base,
      t.state,
      t.offerId ?? '',
      t.requestId ?? '',
      t.sessionId ?? '',
      t.fence,
      this.heartbeatTimeoutMs,
    );
  }

  async freeTutorAfterSession(tutorId: string, sessionId: string): Promise<void> {
    const k = this.keys;
    await this.run(
      'tutoringFreeAfterSession',
      k.tutor(tutorId),
      k.online(),
      tutorId,
      k.base,
      sessionId,
      this.heartbeatTimeoutMs,
    );
  }

  async closeRequest(r: { id: string; skillSlug: string; learnerId: string }): Promise<void> {
    const k = this.keys;
    await this.run(
      'tutoringCloseRequest',
      k.request(r.id),
      k.line(r.skillSlug),
      k.waiting(r.skillSlug),
      k.learnerMark(r.learnerId),
      r.id,
    );
  }

  /** Offers whose deadline has passed (the sweep ends them). */
  dueDeadlines(limit: number): Promise<string[]> {
    return this.run<string[]>('tutoringDueDeadlines', this.keys.deadlines(), limit);
  }

  /** Skills with waiting requests. */
  waitingSkills(): Promise<string[]> {
    return this.run<string[]>('tutoringWaitingSkills', this.keys.waitingSkills(), this.keys.base);
  }

  /**
   * The start of a shard's tick in one round trip (TICK_START): clears the shard's tickAsked flag and
   * returns the snapshot of each of its skills with requests waiting, their spare tutors shared out as
   * `spares` says.
   */
  async tickStart(
    shard: number,
    opts: { shards: number; batchMax: number; spares: PoolSpares },
  ): Promise<{ skill: string; snapshot: TickSnapshot }[]> {
    const k = this.keys;
    const [now, skills] = await this.run<[string, [string, string[], string[]][]]>(
      'tutoringTickStart',
      k.waitingSkills(),
      k.tickAsked(shard),
      k.online(),
      k.base,
      shard,
      opts.shards,
      opts.batchMax,
      opts.spares.perSkillMax,
      opts.spares.perSkillMin,
      opts.spares.perTick,
    );
    return skills.map(([skill, waiting, tutors]) => ({
      skill,
      snapshot: toSnapshot(Number(now), waiting, tutors),
    }));
  }

  async offer(offerId: string): Promise<OfferRef | null> {
    const h = await this.client.hgetall(this.keys.offer(offerId));
    return h.request && h.tutor ? { offerId, requestId: h.request, tutorId: h.tutor } : null;
  }

  /**
   * One tick's view of a skill in one round trip: the Redis clock, up to `batchMax + 1` waiting requests in
   * line order, and for a batch of n the `n + poolExtra` free tutors at the front of the pool with their
   * heartbeats (tutors without one are left out).
   */
  async tickSnapshot(skill: string, opts: { batchMax: number; poolExtra: number }): Promise<TickSnapshot> {
    const k = this.keys;
    const [now, waiting, tutors] = await this.run<[string, string[], string[]]>(
      'tutoringTickSnapshot',
      k.waiting(skill),
      k.free(skill),
      k.online(),
      opts.batchMax,
      opts.poolExtra,
    );
    return toSnapshot(Number(now), waiting, tutors);
  }

  /**
   * Moves tutors a tick considered but did not offer anything to the back of the skill's free pool (score
   * = now), so the next ticks consider others: a tutor nobody in line can take never blocks the pool.
   * Only tutors still in the pool are moved (XX).
   */
  async rotate(skill: string, tutorIds: readonly string[], nowMs: number): Promise<void> {
    if (tutorIds.length === 0) return;
    await this.client.zadd(this.keys.free(skill), 'XX', ...tutorIds.flatMap((id) => [nowMs, id]));
  }

  /** 1-based place in line of a WAITING or OFFERED request, or null when it is not in line. */
  async position(requestId: string, skill: string): Promise<number | null> {
    const rank = await this.client.zrank(this.keys.line(skill), requestId);
    return rank === null ? null : rank + 1;
  }
}

/** A skill's snapshot from the Lua reply: [id, created ms]… and [id, heartbeat ms or '']…. */
function toSnapshot(nowMs: number, waiting: string[], tutors: string[]): TickSnapshot {
  const requests: TickSnapshot['requests'] = [];
  for (let i = 0; i < waiting.length; i += 2)
    requests.push({ id: waiting[i], createdMs: Number(waiting[i + 1]) });
  const free: TickSnapshot['tutors'] = [];
  for (let i = 0; i < tutors.length; i += 2)
    if (tutors[i + 1]) free.push({ id: tutors[i], heartbeatMs: Number(tutors[i + 1]) });
  return { nowMs, requests, tutors: free };
}
