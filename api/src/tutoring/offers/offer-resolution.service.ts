import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, type PreparedSql } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';
import { TutorPresenceState } from '../live/tutor-presence-state.service';
import { MatchingQueue } from '../matching/matching-queue';

interface OfferRow {
  request_id: string;
  tutor_id: string;
  state: string;
  skill_slug: string;
  overdue: boolean;
}

/** An accept that holds the request in Redis gets this long past the deadline to confirm in Postgres. */
const ACCEPT_GRACE_SECONDS = 10;
/** Time-outs in a row after which a tutor is marked away (unavailable). */
const TIMEOUTS_BEFORE_AWAY = 2;

/** $1 offer, $2 ACCEPT_GRACE_SECONDS. */
const OFFER_FOR_EXPIRY: PreparedSql = {
  name: 'offer_for_expiry',
  text: `SELECT o.request_id, o.tutor_id, o.state, h.skill_slug,
                o.expires_at < now() - make_interval(secs => $2) AS overdue
         FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id WHERE o.id = $1`,
};

/**
 * $1 offer, $2 DECLINED | EXPIRED, $3 the declining tutor (null for a time-out). Ends a pending offer and
 * puts its request back in line, in one statement (atomic without a transaction's extra round trips). A
 * time-out is refused more than 2 s before the deadline: Redis's clock and Postgres's may differ a little.
 */
const END_OFFER: PreparedSql = {
  name: 'end_offer',
  text: `WITH o AS (
           UPDATE tutoring_offers o SET state = $2, responded_at = now()
           FROM help_requests h
           WHERE o.id = $1 AND h.id = o.request_id AND o.state = 'PENDING'
             AND ($3::uuid IS NULL OR o.tutor_id = $3)
             AND ($2 = 'DECLINED' OR o.expires_at < now() + interval '2 seconds')
           RETURNING o.request_id, h.skill_slug),
         back AS (
           UPDATE help_requests h SET state = 'WAITING', current_offer_id = NULL
           FROM o WHERE h.id = o.request_id AND h.state = 'OFFERED' AND h.current_offer_id = $1
           RETURNING h.id)
         SELECT o.request_id, o.skill_slug FROM o`,
};

/** $1 tutor, $2 how many. The tutor's latest answers to offers (a withdrawal is not theirs). */
const LAST_ANSWERS: PreparedSql = {
  name: 'tutor_last_answers',
  text: `SELECT state FROM tutoring_offers WHERE tutor_id = $1 AND state IN ('ACCEPTED', 'DECLINED', 'EXPIRED')
         ORDER BY responded_at DESC NULLS LAST, created_at DESC LIMIT $2`,
};

export type ExpiryOutcome = 'EXPIRED' | 'ACCEPTING' | 'NOTHING';

/**
 * The ways an offer ends without a session: the tutor declines, or it times out (the sweep ends it within
 * a second of its deadline). Either way the request goes back to WAITING with its original place
 * in line, the tutor is never asked about it again, and the next tick offers it to the next candidate.
 * Both are idempotent: running one twice, or after the other, changes nothing more.
 */
@Injectable()
export class OfferResolutionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly presence: TutorPresenceState,
    private readonly sync: LiveSyncService,
    private readonly queue: MatchingQueue,
    private readonly events: TutoringEventsService,
  ) {}

  async decline(tutorId: string, offerId: string): Promise<boolean> {
    const ended = await this.end(offerId, 'DECLINED', tutorId);
    if (!ended) {
      const [row] = await this.db.query<{ state: string }[]>(
        `SELECT state FROM tutoring_offers WHERE id = $1 AND tutor_id = $2`,
        [offerId, tutorId],
      );
      // Declining an offer that already lapsed or was withdrawn is a no-op; one that was accepted is not.
      if (!row || row.state === 'ACCEPTED') {
        throw new PeerliftError(
          ErrorCode.OFFER_UNAVAILABLE,
          'This offer is not yours to decline, or was already accepted.',
        );
      }
    } else {
      await this.live.release({ offerId, requestId: ended.requestId, tutorId });
      await this.queue.tickSkills([ended.skillSlug]);
    }
    return true;
  }

  /** Times an offer out once its deadline has passed (the sweep calls this). */
  async expire(offerId: string): Promise<ExpiryOutcome> {
    const [row] = await preparedRows<OfferRow>(this.db, OFFER_FOR_EXPIRY, [offerId, ACCEPT_GRACE_SECONDS]);
    // A claim that never reached Postgres (its worker died) is known to Redis only.
    const ref = row
      ? { offerId, requestId: row.request_id, tutorId: row.tutor_id }
      : await this.live.offer(offerId);
    if (!ref) {
      await this.live.dropDeadline(offerId);
      return 'NOTHING';
    }
    const released = await this.live.release(ref);
    if (released === 'matched' && !(row?.state === 'PENDING' && row.overdue)) {
      if (row?.state !== 'ACCEPTED') return 'ACCEPTING';
      await this.live.dropDeadline(offerId);
      return 'NOTHING';
    }
    if (row?.state !== 'PENDING') {
      await this.live.dropDeadline(offerId);
      // Redis still holds a request for an offer Postgres has ended otherwise: follow Postgres.
      if (released === 'matched')
        await Promise.all([this.sync.request(ref.requestId), this.sync.tutor(ref.tutorId)]);
      return 'NOTHING';
    }
    const ended = await this.end(offerId, 'EXPIRED');
    // An accept that died before Postgres left Redis MATCHED/BUSY: Postgres now says otherwise, so follow it.
    if (released !== 'released')
      await Promise.all([this.sync.request(ref.requestId), this.sync.tutor(ref.tutorId)]);
    if (!ended) return 'NOTHING';
    await this.events.publish([ref.tutorId], { type: 'OFFER_WITHDRAWN', offerId, requestId: ref.requestId });
    if (await this.timedOutInARow(ref.tutorId)) await this.presence.setUnavailable(ref.tutorId);
    await this.queue.tickSkills([ended.skillSlug]);
    return 'EXPIRED';
  }

  /** Ends a PENDING offer in Postgres and puts its request back in line; null when it was not pending. */
  private async end(offerId: string, state: 'DECLINED' | 'EXPIRED', tutorId?: string) {
    const [offer] = await preparedRows<{ request_id: string; skill_slug: string }>(this.db, END_OFFER, [
      offerId,
      state,
      tutorId ?? null,
    ]);
    return offer ? { requestId: offer.request_id, skillSlug: offer.skill_slug } : null;
  }

  /** Whether the tutor's last offers that ended by their own doing (accept, decline, time-out) all timed out. */
  private async timedOutInARow(tutorId: string): Promise<boolean> {
    const rows = await preparedRows<{ state: string }>(this.db, LAST_ANSWERS, [
      tutorId,
      TIMEOUTS_BEFORE_AWAY,
    ]);
    return rows.length === TIMEOUTS_BEFORE_AWAY && rows.every((r) => r.state === 'EXPIRED');
  }
}
