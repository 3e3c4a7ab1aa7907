import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { RedisService } from '../../redis/redis.module';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';
import { TutorPresenceState } from '../live/tutor-presence-state.service';
import { OfferResolutionService } from '../offers/offer-resolution.service';
import { MatchingQueue } from './matching-queue';

export interface SweepResult {
  silentTutors: number;
  expiredOffers: number;
  expiredRequests: number;
  restoredRequests: number;
  skillsTicked: number;
}

/** Work per sweep is bounded; what is left is taken by the next one, a second later. */
const BATCH = 500;
const EXPIRE_IN_PARALLEL = 16;
/**
 * Offers whose deadline passed are ended here — there is no job per offer (a delayed BullMQ job for each of
 * thousands of offers cost more Redis and worker time than the matching itself) — so a second's sweep
 * takes a burst's worth of them; what is left goes first in the next sweep.
 */
const DEADLINE_BATCH = 2_000;
/** Longest an expiry pass may hold the gate if its worker dies mid-pass. */
const EXPIRY_GATE_MS = 30_000;
/** Postgres-only check: pending offers this far past their deadline are expired even if Redis forgot them. */
const OVERDUE_OFFER_SECONDS = 15;
/** Full reconciliation (Postgres WAITING requests missing from Redis) runs at most this often. */
const RECONCILE_EVERY_MS = 10_000;
/** A request younger than this may still be on its way into Redis (committed, not yet enqueued). */
const RECONCILE_MIN_AGE_SECONDS = 5;

/**
 * The matching tick's safety net, run every second by the job scheduler: silent tutors become unavailable,
 * offers past their deadline are expired (also claims whose worker died before Postgres), requests past
 * their TTL expire, Redis is reconciled with Postgres, and every skill with waiting requests gets a tick.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger('TutoringSweep');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
    private readonly live: LiveStateService,
    private readonly presence: TutorPresenceState,
    private readonly sync: LiveSyncService,
    private readonly resolution: OfferResolutionService,
    private readonly queue: MatchingQueue,
    private readonly events: TutoringEventsService,
  ) {}

  async sweep(): Promise<SweepResult> {
    const silent = await this.presence.sweepSilentTutors(BATCH);
    const expiredOffers = await this.expireOffers();
    const expiredRequests = await this.expireRequests();
    const restoredRequests = await this.reconcile();
    const skills = await this.live.waitingSkills();
    await this.queue.tickSkills(skills);
    return {
      silentTutors: silent.length,
      expiredOffers,
      expiredRequests,
      restoredRequests,
      skillsTicked: skills.length,
    };
  }

  private async expireOffers(): Promise<number> {
    // Sweeps are scheduled every second and may overlap when one runs long: only one ends offers at a time.
    const gate = this.live.keys.base + 'expiry-gate';
    if ((await this.redis.client.set(gate, '1', 'PX', EXPIRY_GATE_MS, 'NX')) !== 'OK') return 0;
    try {
      return await this.expireDueOffers();
    } finally {
      await this.redis.client.del(gate);
    }
  }

  private async expireDueOffers(): Promise<number> {
    const due = await this.live.dueDeadlines(DEADLINE_BATCH);
    const overdue = await this.db.query<{ id: string }[]>(
      `SELECT id FROM tutoring_offers WHERE state = 'PENDING' AND expires_at < now() - make_interval(secs => $1) LIMIT $2`,
      [OVERDUE_OFFER_SECONDS, BATCH],
    );
    const ids = [...new Set([...due, ...overdue.map((o) => o.id)])];
    let expired = 0;
    // Each expiry is independent (and idempotent): run a few at a time rather than one after another.
    for (let i = 0; i < ids.length; i += EXPIRE_IN_PARALLEL) {
      const outcomes = await Promise.all(
        ids.slice(i, i + EXPIRE_IN_PARALLEL).map((id) =>
          this.resolution.expire(id).catch((e: unknown) => {
            this.logger.warn(`could not expire offer ${id}: ${String(e)}`);
            return 'NOTHING' as const;
          }),
        ),
      );
      expired += outcomes.filter((o) => o === 'EXPIRED').length;
    }
    return expired;
  }

  /** WAITING requests past their TTL expire (an OFFERED one waits for its offer to end first). */
  private async expireRequests(): Promise<number> {
    // TypeORM returns [rows, count] for an UPDATE.
    const rows = await this.db.query<[{ id: string; skill_slug: string; learner_id: string }[], number]>(
      `UPDATE help_requests SET state = 'EXPIRED', closed_at = now()
       WHERE id IN (SELECT id FROM help_requests WHERE state = 'WAITING' AND expires_at < now() LIMIT $1)
         AND state = 'WAITING'
       RETURNING id, skill_slug, learner_id`,
      [BATCH],
    );
    const expired = rows[0];
    for (const r of expired) {
      await this.live.closeRequest({ id: r.id, skillSlug: r.skill_slug, learnerId: r.learner_id });
      await this.events.publish([r.learner_id], { type: 'REQUEST_EXPIRED', requestId: r.id });
    }
    return expired.length;
  }

  /** Puts back in line any Postgres WAITING request Redis does not have (e.g. the api died after COMMIT). */
  private async reconcile(): Promise<number> {
    const gate = await this.redis.client.set(
      this.live.keys.base + 'reconcile-gate',
      '1',
      'PX',
      RECONCILE_EVERY_MS,
      'NX',
    );
    if (gate !== 'OK') return 0;
    const rows = await this.db.query<{ id: string; skill_slug: string }[]>(
      `SELECT id, skill_slug FROM help_requests
       WHERE state = 'WAITING' AND created_at < now() - make_interval(secs => $1)`,
      [RECONCILE_MIN_AGE_SECONDS],
    );
    if (rows.length === 0) return 0;
    const pipe = this.redis.client.pipeline();
    for (const r of rows) pipe.hget(this.live.keys.request(r.id), 'state');
    const states = (await pipe.exec()) ?? [];
    const missing = rows.filter((_, i) => !states[i]?.[1]);
    for (const r of missing) await this.sync.request(r.id);
    if (missing.length) this.logger.warn(`restored ${missing.length} waiting request(s) missing from Redis`);
    return missing.length;
  }
}
