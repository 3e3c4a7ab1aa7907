import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskContactDetails } from '@peerlift/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { requireSkill } from '../../curriculum/skills.service';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, sqlRows, uniqueViolation, type PreparedSql } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService } from '../live/live-state.service';
import { MatchingQueue } from '../matching/matching-queue';
import { HelpRequestViewService } from './help-request-view.service';
import { HelpRequestStateEnum, type HelpRequestModel } from './models/help-request.model';

interface CreatedRequest {
  id: string;
  created_at: Date;
  /** created_at in epoch ms as Postgres rounds it (the Redis line's score, as a restore computes it too). */
  created_ms: string;
  expires_at: Date;
  /** An offer the learner was holding as a tutor, withdrawn because they are now in line themselves. */
  withdrawn: { offer_id: string; request_id: string; skill_slug: string } | undefined;
}

interface CancelledRequest {
  id: string;
  skill_slug: string;
  current_offer_id: string | null;
  withdrawn_tutor_id: string | null;
}

interface JoinedLine {
  id: string | null;
  created_at: Date | null;
  created_ms: string | null;
  expires_at: Date | null;
  offer_id: string | null;
  request_id: string | null;
  skill_slug: string | null;
}

/**
 * $1 learner, $2 skill, $3 note, $4 TTL in minutes. Locks the learner, then — refusing someone in a live
 * session (no id) — joins the line and withdraws an offer they hold as a tutor, in one round trip that
 * commits on its own (the function `join_help_line`, migration 1763870700000).
 */
const JOIN_LINE: PreparedSql = {
  name: 'help_join_line',
  text: `SELECT * FROM join_help_line($1, $2, $3, $4)`,
};

/**
 * Asking for help and cancelling. Postgres commits first; then the request joins its line in Redis and a
 * matching tick is asked for. If the process dies in between, the worker's reconciliation puts a WAITING
 * request that is missing from Redis back in line (a crash loses no request).
 */
@Injectable()
export class HelpRequestsService {
  private readonly logger = new Logger('HelpRequests');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly queue: MatchingQueue,
    private readonly events: TutoringEventsService,
    private readonly view: HelpRequestViewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(
    learnerId: string,
    skillSlug: string,
    note: string | null | undefined,
  ): Promise<HelpRequestModel> {
    requireSkill(skillSlug);
    // The note is shown to a stranger (the tutor), so contact details never travel in it.
    const cleanNote = maskContactDetails((note ?? '').trim()).text;
    let created: CreatedRequest;
    try {
      created = await this.join(learnerId, skillSlug, cleanNote);
    } catch (e) {
      if (uniqueViolation(e) === 'help_requests_one_open') {
        throw new PeerliftError(
          ErrorCode.HELP_REQUEST_OPEN,
          'You already have an open help request. Cancel it to ask about something else.',
        );
      }
      throw e;
    }
    const enqueued = await this.live
      .enqueue({
        id: created.id,
        skillSlug,
        learnerId,
        createdMs: Number(created.created_ms),
        tickShard: this.queue.shardOf(skillSlug),
      })
      .catch((e: unknown) => {
        this.logger.warn(`request ${created.id} not in the Redis line yet: ${String(e)}`);
        return null;
      });
    const w = created.withdrawn;
    if (w) await this.live.release({ offerId: w.offer_id, requestId: w.request_id, tutorId: learnerId });
    // Under load most requests find their shard's tick already asked for and not yet begun: that tick
    // takes them, and they add no job of their own.
    const tickFor = enqueued?.askTick === false ? [] : [skillSlug];
    await this.queue.tickSkills(w ? [...tickFor, w.skill_slug] : tickFor);
    // Built from what this call knows rather than read back: a new request has no session yet, and its
    // place in line and the skill's tutors came back with the join.
    return this.view.toModel(
      {
        id: created.id,
        skill_slug: skillSlug,
        note: cleanNote,
        state: HelpRequestStateEnum.WAITING,
        created_at: created.created_at,
        expires_at: created.expires_at,
        session_id: null,
      },
      enqueued?.line,
    );
  }

  private async join(learnerId: string, skillSlug: string, note: string): Promise<CreatedRequest> {
    const [row] = await preparedRows<JoinedLine>(this.db, JOIN_LINE, [
      learnerId,
      skillSlug,
      note,
      this.config.HELP_REQUEST_TTL_MINUTES,
    ]);
    if (!row?.id)
      throw new PeerliftError(
        ErrorCode.IN_SESSION,
        'You are in a tutoring session. End it before asking for help.',
      );
    const withdrawn = row.offer_id
      ? { offer_id: row.offer_id, request_id: row.request_id!, skill_slug: row.skill_slug! }
      : undefined;
    return {
      id: row.id,
      created_at: row.created_at!,
      created_ms: row.created_ms!,
      expires_at: row.expires_at!,
      withdrawn,
    };
  }

  /** Cancels my waiting request, withdrawing an offer a tutor is deciding on. */
  async cancel(learnerId: string): Promise<HelpRequestModel> {
    const cancelled = await this.db.transaction(async (m) => {
      const [row] = await sqlRows<CancelledRequest>(
        m,
        `WITH c AS (
           UPDATE help_requests SET state = 'CANCELLED', closed_at = now()
           WHERE learner_id = $1 AND state IN ('WAITING', 'OFFERED')
           RETURNING id, skill_slug, current_offer_id),
         w AS (
           UPDATE tutoring_offers o SET state = 'WITHDRAWN', responded_at = now()
           FROM c WHERE o.id = c.current_offer_id AND o.state = 'PENDING'
           RETURNING o.tutor_id)
         SELECT c.*, (SELECT tutor_id FROM w) AS withdrawn_tutor_id FROM c`,
        [learnerId],
      );
      if (row) return row;
      const [matched] = await sqlRows(
        m,
        `SELECT 1 FROM help_requests WHERE learner_id = $1 AND state = 'MATCHED'`,
        [learnerId],
      );
      if (matched)
        throw new PeerliftError(
          ErrorCode.IN_SESSION,
          'You are already in a session for this request; end the session instead.',
        );
      throw new PeerliftError(ErrorCode.NOT_FOUND, 'You have no waiting help request.');
    });
    const { id, skill_slug: skillSlug, current_offer_id: offerId, withdrawn_tutor_id: tutorId } = cancelled;
    if (offerId && tutorId) await this.live.release({ offerId, requestId: id, tutorId });
    await this.live.closeRequest({ id, skillSlug, learnerId });
    if (offerId && tutorId) {
      await this.events.publish([tutorId], { type: 'OFFER_WITHDRAWN', offerId, requestId: id });
      await this.queue.tickSkills([skillSlug]);
    }
    return (await this.view.mine(learnerId))!;
  }
}
