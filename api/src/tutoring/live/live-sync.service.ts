import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { LiveStateService } from './live-state.service';

interface RequestRow {
  id: string;
  state: string;
  skill_slug: string;
  learner_id: string;
  created_ms: string;
  fence: string | null;
  offer_id: string | null;
  tutor_id: string | null;
  deadline_ms: string | null;
}

interface TutorRow {
  session_id: string | null;
  offer_id: string | null;
  request_id: string | null;
  fence: string;
}

/**
 * Reads Postgres (the truth) and makes the Redis live state agree, for one request or one tutor. Used
 * after a step that changed Redis could not be confirmed in Postgres, and by the periodic reconciliation.
 * The restore scripts leave alone anything a newer claim holds (see lua-scripts.ts).
 */
@Injectable()
export class LiveSyncService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
  ) {}

  async request(requestId: string): Promise<void> {
    const [row] = await this.db.query<RequestRow[]>(
      `SELECT h.id, h.state, h.skill_slug, h.learner_id,
              (extract(epoch FROM h.created_at) * 1000)::bigint AS created_ms, h.fence,
              o.id AS offer_id, o.tutor_id, (extract(epoch FROM o.expires_at) * 1000)::bigint AS deadline_ms
       FROM help_requests h
       LEFT JOIN tutoring_offers o ON o.id = h.current_offer_id AND o.state = 'PENDING'
       WHERE h.id = $1`,
      [requestId],
    );
    if (!row) return;
    await this.live.restoreRequest({
      id: row.id,
      state: row.state,
      skillSlug: row.skill_slug,
      learnerId: row.learner_id,
      createdMs: Number(row.created_ms),
      fence: Number(row.fence ?? 0),
      offerId: row.offer_id,
      tutorId: row.tutor_id,
      deadlineMs: row.deadline_ms === null ? null : Number(row.deadline_ms),
    });
  }

  async tutor(tutorId: string): Promise<void> {
    const [row] = await this.db.query<TutorRow[]>(
      `SELECT (SELECT id FROM tutoring_sessions WHERE tutor_id = $1 AND state = 'LIVE') AS session_id,
              p.id AS offer_id, p.request_id,
              (SELECT coalesce(max(fence), 0) FROM tutoring_offers WHERE tutor_id = $1) AS fence
       FROM (SELECT 1) one
       LEFT JOIN tutoring_offers p ON p.tutor_id = $1 AND p.state = 'PENDING'`,
      [tutorId],
    );
    const r = row;
    await this.live.restoreTutor({
      tutorId,
      state: r.session_id ? 'BUSY' : r.offer_id ? 'OFFERED' : 'FREE',
      offerId: r.offer_id,
      requestId: r.request_id,
      sessionId: r.session_id,
      fence: Number(r.fence),
    });
  }
}
