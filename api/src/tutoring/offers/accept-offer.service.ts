import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { firstBirthYearOfPossibleMinors } from '@peerlift/domain';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, uniqueViolation, type PreparedSql } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService, type AcceptRef } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';

interface OfferRow {
  request_id: string;
  state: string;
  skill_slug: string;
  learner_id: string;
  session_id: string | null;
}

/** What an accept claims in Redis and confirms in Postgres. */
type Acceptance = AcceptRef & { learnerId: string };

/** $1 offer, $2 tutor: the offer as Postgres has it, for an accept Redis could not take alone. */
const MY_OFFER: PreparedSql = {
  name: 'accept_my_offer',
  text: `SELECT o.request_id, o.state, h.skill_slug, h.learner_id, s.id AS session_id
         FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id
         LEFT JOIN tutoring_sessions s ON s.offer_id = o.id
         WHERE o.id = $1 AND o.tutor_id = $2`,
};

/**
 * $1 offer, $2 tutor, $3 fence, $4 request, $5 new session id, $6 learner, $7 skill, $8 the first birth
 * year of possible minors (the session involves a minor if either user was born in or after it).
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
 * Accepting an offer is a claim in two steps (docs/tutoring.md, "Claims"): a Redis script moves the request
 * to MATCHED and the tutor to BUSY only if this offer still holds both and is before its deadline, and
 * returns the offer's fencing token; then one call of the SQL function `confirm_accept` confirms it with
 * conditional updates on that token and inserts the session, under the partial unique indexes that forbid
 * a second live session per tutor or learner and a second session per request. If Postgres refuses, Redis
 * is put back from Postgres.
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
    const claimed = await this.claim(tutorId, offerId, randomUUID());
    if (!('a' in claimed)) return claimed.sessionId;
    const { a, fence } = claimed;
    try {
      await preparedRows(this.db, CONFIRM_ACCEPT, [
        offerId,
        tutorId,
        fence,
        a.requestId,
        a.sessionId,
        a.learnerId,
        a.skillSlug,
        firstBirthYearOfPossibleMinors(new Date()),
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

  /**
   * The Redis half of the accept. Usually Redis alone knows enough (the offer's claim record names the
   * request, skill and learner); when it does not hold this offer for this tutor, Postgres tells whether
   * this is a repeat of an accept that went through (the session's id is returned as the answer) or which
   * request to claim.
   */
  private async claim(
    tutorId: string,
    offerId: string,
    sessionId: string,
  ): Promise<{ a: Acceptance; fence: number } | { sessionId: string }> {
    const fast = await this.live.acceptById({ offerId, tutorId, sessionId });
    if (fast.ok) {
      const { fence, requestId, skillSlug, learnerId } = fast;
      return { a: { offerId, tutorId, sessionId, requestId, skillSlug, learnerId }, fence };
    }
    const [offer] = await preparedRows<OfferRow>(this.db, MY_OFFER, [offerId, tutorId]);
    if (offer?.state === 'ACCEPTED' && offer.session_id) return { sessionId: offer.session_id };
    if (!fast.unknown || offer?.state !== 'PENDING') throw unavailable();
    const a = {
      offerId,
      tutorId,
      sessionId,
      requestId: offer.request_id,
      skillSlug: offer.skill_slug,
      learnerId: offer.learner_id,
    };
    const fence = await this.live.accept(a);
    if (fence === null) throw unavailable();
    return { a, fence };
  }
}
