import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
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
  learner_birth_year: number;
  tutor_birth_year: number;
}

/** $1 offer, $2 tutor. With both users' birth years: whether the session involves a minor. */
const MY_OFFER: PreparedSql = {
  name: 'accept_my_offer',
  text: `SELECT o.request_id, o.state, h.skill_slug, h.learner_id, s.id AS session_id,
                l.birth_year AS learner_birth_year, t.birth_year AS tutor_birth_year
         FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id
         JOIN users l ON l.id = h.learner_id JOIN users t ON t.id = o.tutor_id
         LEFT JOIN tutoring_sessions s ON s.offer_id = o.id
         WHERE o.id = $1 AND o.tutor_id = $2`,
};

/**
 * $1 offer, $2 tutor, $3 fence, $4 request, $5 new session id, $6 learner, $7 skill, $8 involves a minor.
 * The function `confirm_accept` (migration 1763870700000) locks both users, then creates the session only
 * if neither is in a live session, neither blocked the other, the tutor is not in line for help themselves,
 * and both conditional updates hold on the claim's fencing token; otherwise it fails with SQLSTATE PL001
 * and changes nothing. One round trip, committing on its own.
 */
const CONFIRM_ACCEPT: PreparedSql = {
  name: 'accept_confirm',
  text: `SELECT confirm_accept($1, $2, $3, $4, $5, $6, $7, $8) AS id`,
};

/** confirm_accept's refusal: the offer moved on, or one of the pair is not free. */
const REFUSED = 'PL001';

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
    // Birth years do not change, so they may be read before the users are locked.
    const now = new Date();
    const involvesMinor = [offer.learner_birth_year, offer.tutor_birth_year].some(
      (year) => ageBandFromBirthYear(year, now) !== 'ADULT',
    );
    try {
      await preparedRows(this.db, CONFIRM_ACCEPT, [
        offerId,
        tutorId,
        fence,
        a.requestId,
        a.sessionId,
        a.learnerId,
        a.skillSlug,
        involvesMinor,
      ]);
    } catch (e) {
      // Take back this accept's own hold first (restores never undo an accept), then follow Postgres.
      await this.live
        .undoAccept(a)
        .then(() => Promise.all([this.sync.request(a.requestId), this.sync.tutor(tutorId)]))
        .catch((err: unknown) =>
          this.logger.warn(`could not restore after a refused accept: ${String(err)}`),
        );
      if ((e as { code?: string }).code === REFUSED || uniqueViolation(e) !== null) throw unavailable();
      throw e;
    }
    await Promise.all([
      // The offer's deadline was the safety net for this confirmation; the sweep need not visit it.
      this.live
        .settleAccepted(offerId)
        .catch((e: unknown) => this.logger.warn(`offer ${offerId} left to the sweep: ${String(e)}`)),
      this.events.publish([tutorId, a.learnerId], {
        type: 'MATCHED',
        requestId: a.requestId,
        offerId,
        sessionId: a.sessionId,
      }),
    ]);
    return a.sessionId;
  }
}
