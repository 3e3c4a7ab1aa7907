import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { sqlRows } from '../../database/sql';
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
    const ended = await this.db.transaction(async (m) => {
      const done = await this.end(m, offerId, 'DECLINED', tutorId);
      if (done) return done;
      const [row] = await sqlRows<{ state: string }>(
        m,
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
      return null;
    });
    if (ended) {
      await this.live.release({ offerId, requestId: ended.requestId, tutorId });
      await this.queue.tickSkills([ended.skillSlug]);
    }
    return true;
  }

  /** Times an offer out once its deadline has passed (the sweep calls this). */
  async expire(offerId: string): Promise<ExpiryOutcome> {
    const [row] = await this.db.query<OfferRow[]>(
      `SELECT o.request_id, o.tutor_id, o.state, h.skill_slug,
              o.expires_at < now() - make_interval(secs => $2) AS overdue
       FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id WHERE o.id = $1`,
      [offerId, ACCEPT_GRACE_SECONDS],
    );
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
    const ended = await this.db.transaction((m) => this.end(m, offerId, 'EXPIRED'));
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
  private async end(m: EntityManager, offerId: string, state: 'DECLINED' | 'EXPIRED', tutorId?: string) {
    const [offer] = await sqlRows<{ request_id: string; skill_slug: string }>(
      m,
      `UPDATE tutoring_offers o SET state = $2, responded_at = now()
       FROM help_requests h
       WHERE o.id = $1 AND h.id = o.request_id AND o.state = 'PENDING' AND ($3::uuid IS NULL OR o.tutor_id = $3)
         AND ($2 = 'DECLINED' OR o.expires_at < now() + interval '2 seconds')
       RETURNING o.request_id, h.skill_slug`,
      [offerId, state, tutorId ?? null],
    );
    if (!offer) return null;
    await sqlRows(
      m,
      `UPDATE help_requests SET state = 'WAITING', current_offer_id = NULL
       WHERE id = $1 AND state = 'OFFERED' AND current_offer_id = $2`,
      [offer.request_id, offerId],
    );
    return { requestId: offer.request_id, skillSlug: offer.skill_slug };
  }

  /** Whether the tutor's last offers that ended by their own doing (accept, decline, time-out) all timed out. */
  private async timedOutInARow(tutorId: string): Promise<boolean> {
    const rows = await this.db.query<{ state: string }[]>(
      `SELECT state FROM tutoring_offers WHERE tutor_id = $1 AND state IN ('ACCEPTED', 'DECLINED', 'EXPIRED')
       ORDER BY responded_at DESC NULLS LAST, created_at DESC LIMIT $2`,
      [tutorId, TIMEOUTS_BEFORE_AWAY],
    );
    return rows.length === TIMEOUTS_BEFORE_AWAY && rows.every((r) => r.state === 'EXPIRED');
  }
}
