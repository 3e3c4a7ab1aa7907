import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TutorAssignment } from '@peerlift/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, uniqueViolation, type PreparedSql } from '../../database/sql';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService, type OfferRef } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';

interface HeldOffer extends OfferRef {
  skillSlug: string;
  cost: number;
  fence: number;
  deadlineMs: number;
}

/**
 * $1–$6 the held claims as parallel arrays: offer, request, tutor, fence, cost, deadline (epoch ms). Moves
 * each request to OFFERED only if it is still WAITING with no newer fence, and only if the tutor has no
 * pending offer or live session, and records the offers it moved. The live-session check is one probe per
 * column of the live sessions' partial unique indexes (an OR across both may be planned as a hash of every
 * live session).
 */
const CONFIRM_OFFERS: PreparedSql = {
  name: 'tick_confirm_offers',
  text: `WITH c AS (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::float8[], $6::bigint[])
             AS c(offer_id, request_id, tutor_id, fence, cost, deadline_ms)),
         held AS (
           UPDATE help_requests h SET state = 'OFFERED', fence = c.fence, current_offer_id = c.offer_id
           FROM c
           WHERE h.id = c.request_id AND h.state = 'WAITING' AND (h.fence IS NULL OR h.fence < c.fence)
             AND NOT EXISTS (SELECT 1 FROM tutoring_offers o WHERE o.tutor_id = c.tutor_id AND o.state = 'PENDING')
             AND NOT EXISTS (SELECT 1 FROM tutoring_sessions s WHERE s.state = 'LIVE' AND s.tutor_id = c.tutor_id)
             AND NOT EXISTS (SELECT 1 FROM tutoring_sessions s WHERE s.state = 'LIVE' AND s.learner_id = c.tutor_id)
           RETURNING c.offer_id, c.request_id, c.tutor_id, c.fence, c.cost, c.deadline_ms)
         INSERT INTO tutoring_offers (id, request_id, tutor_id, state, fence, cost, expires_at)
         SELECT offer_id, request_id, tutor_id, 'PENDING', fence, cost, to_timestamp(deadline_ms / 1000.0) FROM held
         RETURNING id`,
};

/**
 * Turns a tick's assignments into exclusive offers: claim each pair in Redis (Lua, new fencing token), then
 * confirm all of them in one Postgres statement that moves each request to OFFERED only if it is still
 * WAITING and no newer fence has been there, and only if the tutor has no pending offer or live session.
 * A claim Postgres refuses is released in Redis. A worker that dies between the two steps leaves claims
 * only in Redis; their deadlines expire them (the sweep), so no request is lost.
 */
@Injectable()
export class OfferCreationService {
  private readonly logger = new Logger('OfferCreation');
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly sync: LiveSyncService,
    private readonly events: TutoringEventsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.OFFER_TTL_SECONDS * 1000;
  }

  /**
   * Returns the offers made (claimed and confirmed). Each assignment carries its request's skill.
   * `claimed` is told the claims Redis granted as soon as they are made, before Postgres confirms them.
   */
  async offer(
    assignments: readonly (TutorAssignment & { skillSlug: string })[],
    claimed?: (held: readonly { skillSlug: string }[]) => void,
  ): Promise<HeldOffer[]> {
    const pairs = assignments.map((a) => ({
      offerId: randomUUID(),
      requestId: a.requestId,
      tutorId: a.tutorId,
      skillSlug: a.skillSlug,
      cost: a.cost,
    }));
    const claims = await this.live.claim(pairs, this.ttlMs);
    const held = pairs.flatMap((p, i) => {
      const c = claims[i];
      return c.ok ? [{ ...p, fence: c.fence, deadlineMs: c.deadlineMs }] : [];
    });
    claimed?.(held);
    if (held.length === 0) return [];
    const confirmed = await this.confirm(held);
    const lost = held.filter((h) => !confirmed.has(h.offerId));
    await Promise.all(lost.map((h) => this.abandon(h)));
    const offered = held.filter((h) => confirmed.has(h.offerId));
    // No job per offer for its time-out: the deadline is in Redis, and the sweep (every second) ends it.
    await Promise.all(
      offered.map((o) =>
        this.events.publish([o.tutorId], { type: 'OFFER', offerId: o.offerId, requestId: o.requestId }),
      ),
    );
    return offered;
  }

  /** Confirms in Postgres; returns the offer ids it accepted. */
  private async confirm(held: readonly HeldOffer[]): Promise<Set<string>> {
    try {
      return await this.insert(held);
    } catch (e) {
      // One stale claim (a unique index refusing it) must not sink the batch: confirm one by one.
      if (uniqueViolation(e) === null || held.length === 1) throw e;
      const accepted = new Set<string>();
      for (const h of held) {
        const one = await this.insert([h]).catch((err: unknown) => {
          if (uniqueViolation(err) === null) throw err;
          return new Set<string>();
        });
        one.forEach((id) => accepted.add(id));
      }
      return accepted;
    }
  }

  private async insert(held: readonly HeldOffer[]): Promise<Set<string>> {
    const rows = await preparedRows<{ id: string }>(this.db, CONFIRM_OFFERS, [
      held.map((h) => h.offerId),
      held.map((h) => h.requestId),
      held.map((h) => h.tutorId),
      held.map((h) => h.fence),
      held.map((h) => h.cost),
      held.map((h) => h.deadlineMs),
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** Gives back a claim Postgres refused, then lets Postgres's view of the request win. */
  private async abandon(h: HeldOffer): Promise<void> {
    try {
      await this.live.release(h);
      await this.sync.request(h.requestId);
    } catch (e) {
      // The claim's deadline releases it anyway.
      this.logger.warn(`could not release claim ${h.offerId}: ${String(e)}`);
    }
  }
}
