import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ageBandFromBirthYear } from '@peerlift/domain';
import { InjectDataSource } from '../../database/inject-data-source';
import { sqlRows, uniqueViolation } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';

interface OfferRow {
  request_id: string;
  state: string;
  skill_slug: string;
  learner_id: string;
  session_id: string | null;
}

interface Acceptance {
  offerId: string;
  requestId: string;
  tutorId: string;
  learnerId: string;
  skillSlug: string;
  sessionId: string;
  fence: number;
}

const unavailable = () =>
  new PeerliftError(
    ErrorCode.OFFER_UNAVAILABLE,
    'This offer is no longer available: it expired, was withdrawn, or is not yours.',
  );

/**
 * Accepting an offer is a claim in two steps (docs/tutoring.md, "Claims"): the Redis script moves the
 * request to MATCHED and the tutor to BUSY only if this offer still holds both and is before its deadline,
 * and returns the offer's fencing token; then one Postgres transaction confirms it with conditional updates
 * on that token and inserts the session, under the partial unique indexes that forbid a second live session
 * per tutor or learner and a second session per request. If Postgres refuses, Redis is put back from
 * Postgres.
 */
@Injectable()
export class AcceptOfferService {
  private readonly logger = new Logger('AcceptOffer');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly sync: LiveSyncService,
    private readonly events: TutoringEventsService,
  ) {}

  /** Returns the new session's id (the same id again when this tutor already accepted this offer). */
  async accept(tutorId: string, offerId: string): Promise<string> {
    const [offer] = await this.db.query<OfferRow[]>(
      `SELECT o.request_id, o.state, h.skill_slug, h.learner_id, s.id AS session_id
       FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id
       LEFT JOIN tutoring_sessions s ON s.offer_id = o.id
       WHERE o.id = $1 AND o.tutor_id = $2`,
      [offerId, tutorId],
    );
    if (offer?.state === 'ACCEPTED' && offer.session_id) return offer.session_id;
    if (offer?.state !== 'PENDING') throw unavailable();
    const a = {
      offerId,
      requestId: offer.request_id,
      tutorId,
      learnerId: offer.learner_id,
      skillSlug: offer.skill_slug,
      sessionId: randomUUID(),
    };
    const fence = await this.live.accept(a);
    if (fence === null) throw unavailable();
    try {
      await this.db.transaction((m) => this.confirm(m, { ...a, fence }));
    } catch (e) {
      // Take back this accept's own hold first (restores never undo an accept), then follow Postgres.
      await this.live
        .undoAccept(a)
        .then(() => Promise.all([this.sync.request(a.requestId), this.sync.tutor(tutorId)]))
        .catch((err: unknown) =>
          this.logger.warn(`could not restore after a refused accept: ${String(err)}`),
        );
      if (e instanceof PeerliftError || uniqueViolation(e) !== null) throw unavailable();
      throw e;
    }
    await this.events.publish([tutorId, a.learnerId], {
      type: 'MATCHED',
      requestId: a.requestId,
      offerId,
      sessionId: a.sessionId,
    });
    return a.sessionId;
  }

  private async confirm(m: EntityManager, a: Acceptance): Promise<void> {
    // Locking both users orders this against any other accept or help request involving either of them,
    // so the "already in a live session" check below cannot race.
    const people = await sqlRows<{ id: string; birth_year: number }>(
      m,
      `SELECT id, birth_year FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [[a.tutorId, a.learnerId]],
    );
    const [check] = await sqlRows<{ busy: boolean; blocked: boolean; asking: boolean }>(
      m,
      `SELECT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE'
                        AND (tutor_id = ANY($1::uuid[]) OR learner_id = ANY($1::uuid[]))) AS busy,
              EXISTS (SELECT 1 FROM user_blocks WHERE (blocker_id = $2 AND blocked_id = $3)
                        OR (blocker_id = $3 AND blocked_id = $2)) AS blocked,
              EXISTS (SELECT 1 FROM help_requests WHERE learner_id = $2 AND state IN ('WAITING', 'OFFERED')) AS asking`,
      [[a.tutorId, a.learnerId], a.tutorId, a.learnerId],
    );
    // A tutor who has since asked for help themselves is in line as a learner, not free to tutor.
    if (check.busy || check.blocked || check.asking) throw unavailable();
    const now = new Date();
    const involvesMinor = people.some((p) => ageBandFromBirthYear(p.birth_year, now) !== 'ADULT');
    // Both conditional updates are fenced with the claim's token; the session exists only if both held.
    const created = await sqlRows(
      m,
      `WITH o AS (
         UPDATE tutoring_offers SET state = 'ACCEPTED', responded_at = now()
         WHERE id = $1 AND tutor_id = $2 AND state = 'PENDING' AND fence = $3 RETURNING id),
       h AS (
         UPDATE help_requests SET state = 'MATCHED', matched_at = now()
         WHERE id = $4 AND state = 'OFFERED' AND fence = $3 AND current_offer_id = $1 AND EXISTS (SELECT 1 FROM o)
         RETURNING id)
       INSERT INTO tutoring_sessions (id, request_id, offer_id, tutor_id, learner_id, skill_slug, state, involves_minor)
       SELECT $5, $4, $1, $2, $6, $7, 'LIVE', $8 WHERE EXISTS (SELECT 1 FROM h)
       RETURNING id`,
      [a.offerId, a.tutorId, a.fence, a.requestId, a.sessionId, a.learnerId, a.skillSlug, involvesMinor],
    );
    // Nothing created: the offer or request moved on (expired, withdrawn) — roll back whatever did change.
    if (created.length !== 1) throw unavailable();
  }
}
