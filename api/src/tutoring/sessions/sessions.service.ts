import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { sqlRows } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutoringEventsService } from '../events/tutoring-events.service';
import { LiveStateService } from '../live/live-state.service';
import { TutorPresenceState } from '../live/tutor-presence-state.service';
import { MatchingQueue } from '../matching/matching-queue';
import type { TutoringSessionModel } from './models/tutoring-session.model';
import { isCompletedSession } from './session-completion';
import { SessionViewService } from './session-view.service';
import { TutorRewardsService } from './tutor-rewards.service';

interface LockedSession {
  id: string;
  tutor_id: string;
  learner_id: string;
  request_id: string;
  skill_slug: string;
  state: string;
  duration_seconds: number;
  tutor_messages: number;
  learner_messages: number;
}

export interface EndedSession {
  sessionId: string;
  tutorId: string;
  learnerId: string;
  requestId: string;
  skillSlug: string;
  completed: boolean;
}

/**
 * Ending a session, by either side (or by a block). One transaction: the session ends, its request closes,
 * and a completed session pays its tutor. Then the tutor is free again in Redis and both are told.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly presence: TutorPresenceState,
    private readonly queue: MatchingQueue,
    private readonly events: TutoringEventsService,
    private readonly rewards: TutorRewardsService,
    private readonly view: SessionViewService,
  ) {}

  /** Ends my session; ending an ended one changes nothing. */
  async end(userId: string, sessionId: string): Promise<TutoringSessionModel> {
    const ended = await this.db.transaction(async (m) => {
      const [s] = await this.lock(m, `id = $1 AND $2 IN (tutor_id, learner_id)`, [sessionId, userId]);
      if (!s) throw new PeerliftError(ErrorCode.NOT_FOUND, 'There is no such session of yours.');
      return s.state === 'LIVE' ? this.endLocked(m, s, userId) : null;
    });
    if (ended) await this.afterEnd(ended);
    return this.view.get(userId, sessionId);
  }

  /** Ends any live session between two people (one blocked the other). */
  async endBetween(endedBy: string, otherId: string): Promise<void> {
    const ended = await this.db.transaction(async (m) => {
      const [s] = await this.lock(
        m,
        `state = 'LIVE' AND ((tutor_id = $1 AND learner_id = $2) OR (tutor_id = $2 AND learner_id = $1))`,
        [endedBy, otherId],
      );
      return s ? this.endLocked(m, s, endedBy) : null;
    });
    if (ended) await this.afterEnd(ended);
  }

  private lock(m: EntityManager, where: string, params: unknown[]): Promise<LockedSession[]> {
    return sqlRows<LockedSession>(
      m,
      `SELECT s.id, s.tutor_id, s.learner_id, s.request_id, s.skill_slug, s.state,
              extract(epoch FROM now() - s.started_at)::float8 AS duration_seconds,
              (SELECT count(*) FROM session_messages x WHERE x.session_id = s.id AND x.author_id = s.tutor_id)::int AS tutor_messages,
              (SELECT count(*) FROM session_messages x WHERE x.session_id = s.id AND x.author_id = s.learner_id)::int AS learner_messages
       FROM tutoring_sessions s WHERE ${where} FOR UPDATE`,
      params,
    );
  }

  private async endLocked(m: EntityManager, s: LockedSession, endedBy: string): Promise<EndedSession> {
    const completed = isCompletedSession({
      durationSeconds: s.duration_seconds,
      tutorMessages: s.tutor_messages,
      learnerMessages: s.learner_messages,
    });
    await sqlRows(
      m,
      `UPDATE tutoring_sessions SET state = 'ENDED', ended_at = now(), ended_by = $2, completed = $3 WHERE id = $1`,
      [s.id, endedBy, completed],
    );
    await sqlRows(
      m,
      `UPDATE help_requests SET state = 'CLOSED', closed_at = now() WHERE id = $1 AND state = 'MATCHED'`,
      [s.request_id],
    );
    if (completed) await this.rewards.paySession(m, { sessionId: s.id, tutorId: s.tutor_id });
    return {
      sessionId: s.id,
      tutorId: s.tutor_id,
      learnerId: s.learner_id,
      requestId: s.request_id,
      skillSlug: s.skill_slug,
      completed,
    };
  }

  private async afterEnd(e: EndedSession): Promise<void> {
    try {
      await this.live.freeTutorAfterSession(e.tutorId, e.sessionId);
      await this.live.closeRequest({ id: e.requestId, skillSlug: e.skillSlug, learnerId: e.learnerId });
    } catch (err) {
      // Going available again re-reads the tutor from Postgres, so a tutor left BUSY here recovers.
      this.logger.warn(`Redis not updated after session ${e.sessionId} ended: ${String(err)}`);
    }
    await this.events.publish([e.tutorId, e.learnerId], {
      type: 'SESSION_ENDED',
      sessionId: e.sessionId,
      requestId: e.requestId,
    });
    if (e.completed) await this.rewards.afterCommit(e.tutorId);
    const { skills } = await this.presence.availability(e.tutorId);
    await this.queue.tickSkillsWithWaiting(skills);
  }
}
