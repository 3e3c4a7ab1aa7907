import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import {
  TutoringRoleEnum,
  type SessionMessageModel,
  type TutoringSessionModel,
  type TutoringSessionStateEnum,
} from './models/tutoring-session.model';

interface SessionRow {
  id: string;
  state: TutoringSessionStateEnum;
  skill_slug: string;
  started_at: Date;
  ended_at: Date | null;
  completed: boolean;
  tutor_id: string;
  learner_id: string;
  tutor_handle: string;
  learner_handle: string;
  stars: number | null;
  helpful: boolean | null;
}

interface MessageRow {
  id: string;
  author_id: string;
  text: string;
  masked: boolean;
  sent_at: Date;
}

/** Messages returned with a session (the latest ones; a session is a short chat). */
const MESSAGE_LIMIT = 1000;

/** A session as its two participants see it; to anyone else it does not exist. */
@Injectable()
export class SessionViewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(userId: string, sessionId: string): Promise<TutoringSessionModel> {
    const [s] = await this.db.query<SessionRow[]>(
      `SELECT s.id, s.state, s.skill_slug, s.started_at, s.ended_at, s.completed, s.tutor_id, s.learner_id,
              t.handle AS tutor_handle, l.handle AS learner_handle, r.stars, r.helpful
       FROM tutoring_sessions s
       JOIN users t ON t.id = s.tutor_id JOIN users l ON l.id = s.learner_id
       LEFT JOIN session_ratings r ON r.session_id = s.id AND r.rater_id = s.learner_id
       WHERE s.id = $1 AND $2 IN (s.tutor_id, s.learner_id)`,
      [sessionId, userId],
    );
    if (!s) throw new PeerliftError(ErrorCode.NOT_FOUND, 'There is no such session of yours.');
    const messages = await this.db.query<MessageRow[]>(
      `SELECT * FROM (SELECT id, author_id, text, masked, sent_at FROM session_messages
                      WHERE session_id = $1 ORDER BY id DESC LIMIT $2) latest ORDER BY id`,
      [sessionId, MESSAGE_LIMIT],
    );
    const handles = new Map([
      [s.tutor_id, s.tutor_handle],
      [s.learner_id, s.learner_handle],
    ]);
    return {
      id: s.id,
      state: s.state,
      skillSlug: s.skill_slug,
      myRole: s.tutor_id === userId ? TutoringRoleEnum.TUTOR : TutoringRoleEnum.LEARNER,
      tutor: { handle: s.tutor_handle },
      learner: { handle: s.learner_handle },
      messages: messages.map((m) => toMessage(m, handles.get(m.author_id) ?? '')),
      startedAt: s.started_at,
      endedAt: s.ended_at,
      completed: s.completed,
      rating: s.stars === null ? null : { stars: s.stars, helpful: Boolean(s.helpful) },
    };
  }
}

export function toMessage(m: MessageRow, authorHandle: string): SessionMessageModel {
  return {
    id: String(m.id),
    text: m.text,
    masked: m.masked,
    author: { handle: authorHandle },
    sentAt: m.sent_at,
  };
}
