import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ageBandFromBirthYear } from '@peerlift/domain';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, uniqueViolation, type PreparedSql } from '../../database/sql';
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

/** $1 offer, $2 tutor. */
const MY_OFFER: PreparedSql = {
  name: 'accept_my_offer',
  text: `SELECT o.request_id, o.state, h.skill_slug, h.learner_id, s.id AS session_id
         FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id
         LEFT JOIN tutoring_sessions s ON s.offer_id = o.id
         WHERE o.id = $1 AND o.tutor_id = $2`,
};

/** $1, $2 the two users (two parameters, not an array, so the statement keeps one generic plan). */
const LOCK_PAIR: PreparedSql = {
  name: 'accept_lock_pair',
  text: `SELECT id, birth_year FROM users WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE`,
};

/**
 * $1 offer, $2 tutor, $3 fence, $4 request, $5 new session id, $6 learner, $7 skill, $8 involves a minor.
 * Creates the session only if neither user is in a live session, neither blocked the other, the tutor is
 * not in line for help themselves (then they are a learner, not free to tutor), and both conditional
 * updates hold on the claim's fencing token.
 */
const CONFIRM_ACCEPT: PreparedSql = {
  name: 'accept_confirm',
  // Each condition is its own probe of a partial unique index: the generic plan of one OR across both
  // users scanned every live session (5 ms a call in bench/matching, against 0.1 ms).
  text: `WITH free AS (
           SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND tutor_id = $2)
             AND NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND learner_id = $2)
             AND NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND tutor_id = $6)
             AND NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND learner_id = $6)
             AND NOT EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = $2 AND blocked_id = $6)
             AND NOT EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = $6 AND blocked_id = $2)
             AND NOT EXISTS (SELECT 1 FROM help_requests WHERE learner_id = $2 AND state IN ('WAITING', 'OFFERED'))),
         o AS (
           UPDATE tutoring_offers SET state = 'ACCEPTED', responded_at = now()
           WHERE id = $1 AND tutor_id = $2 AND state = 'PENDING' AND fence = $3 AND EXISTS (SELECT 1 FROM free)
           RETURNING id),
         h AS (
           UPDATE help_requests SET state = 'MATCHED', matched_at = now()
           WHERE id = $4 AND state = 'OFFERED' AND fence = $3 AND current_offer_id = $1 AND EXISTS (SELECT 1 FROM o)
           RETURNING id)
         INSERT INTO tutoring_sessions (id, request_id, offer_id, tutor_id, learner_id, skill_slug, state, involves_minor)
         SELECT $5, $4, $1, $2, $6, $7, 'LIVE', $8 WHERE EXISTS (SELECT 1 FROM h)
         RETURNING id`,
};

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
    const [offer] = await preparedRows<OfferRow>(this.db, MY_OFFER, [offerId, tutorId]);
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
    await Promise.all([
      // The offer's deadline entry was the safety net for this confirmation; the sweep need not visit it.
      this.live
        .dropDeadline(offerId)
        .catch((e: unknown) => this.logger.warn(`deadline of ${offerId} left to the sweep: ${String(e)}`)),
      this.events.publish([tutorId, a.learnerId], {
        type: 'MATCHED',
        requestId: a.requestId,
        offerId,
        sessionId: a.sessionId,
      }),
    ]);
    return a.sessionId;
  }

  private async confirm(m: EntityManager, a: Acceptance): Promise<void> {
    // Locking both users orders this against any other accept or help request involving either of them,
    // so the "already in a live session" check of the next statement cannot race.
    const people = await preparedRows<{ id: string; birth_year: number }>(m, LOCK_PAIR, [
      a.tutorId,
      a.learnerId,
    ]);
    const now = new Date();
    const involvesMinor = people.some((p) => ageBandFromBirthYear(p.birth_year, now) !== 'ADULT');
    const created = await preparedRows(m, CONFIRM_ACCEPT, [
      a.offerId,
      a.tutorId,
      a.fence,
      a.requestId,
      a.sessionId,
      a.learnerId,
      a.skillSlug,
      involvesMinor,
    ]);
    // Nothing created: the offer or request moved on (expired, withdrawn), or one of the pair is no longer
    // free — roll back whatever did change.
    if (created.length !== 1) throw unavailable();
  }
}
