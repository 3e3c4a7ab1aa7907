import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { SessionsService } from '../sessions/sessions.service';
import type { PersonRefInput, ReportInput } from './dto/safety.input';

/**
 * Anyone can report or block anyone they can name (DESIGN.md §4 Tutoring sessions). A report is kept with
 * the session for moderators (transcripts are never deleted). A block is permanent and works both ways in
 * matching (tutorEligibility), refuses an accept between the two, and ends a live session between them.
 */
@Injectable()
export class SafetyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async report(reporterId: string, input: ReportInput): Promise<boolean> {
    const target = await this.resolve(reporterId, input);
    await this.db.query(
      `INSERT INTO user_reports (reporter_id, reported_user_id, session_id, reason, details) VALUES ($1, $2, $3, $4, $5)`,
      [reporterId, target.userId, target.sessionId, input.reason, (input.details ?? '').trim()],
    );
    return true;
  }

  async block(blockerId: string, input: PersonRefInput): Promise<boolean> {
    const target = await this.resolve(blockerId, input);
    await this.db.query(
      `INSERT INTO user_blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT (blocker_id, blocked_id) DO NOTHING`,
      [blockerId, target.userId],
    );
    await this.sessions.endBetween(blockerId, target.userId);
    return true;
  }

  private async resolve(
    me: string,
    ref: PersonRefInput,
  ): Promise<{ userId: string; sessionId: string | null }> {
    if (Boolean(ref.sessionId) === Boolean(ref.handle)) {
      throw new PeerliftError(
        ErrorCode.BAD_USER_INPUT,
        'Name the person by sessionId or by handle (one of them).',
      );
    }
    if (ref.sessionId) {
      const [s] = await this.db.query<{ other: string }[]>(
        `SELECT CASE WHEN tutor_id = $2 THEN learner_id ELSE tutor_id END AS other
         FROM tutoring_sessions WHERE id = $1 AND $2 IN (tutor_id, learner_id)`,
        [ref.sessionId, me],
      );
      if (!s) throw new PeerliftError(ErrorCode.NOT_FOUND, 'There is no such session of yours.');
      return { userId: s.other, sessionId: ref.sessionId };
    }
    const [u] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM users WHERE lower(handle) = lower($1)`,
      [ref.handle],
    );
    if (!u) throw new PeerliftError(ErrorCode.NOT_FOUND, 'There is no one with that handle.');
    if (u.id === me)
      throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'You cannot report or block yourself.');
    return { userId: u.id, sessionId: null };
  }
}
