import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { estimateWaitSeconds, findSkill } from '@peerlift/domain';
import { InjectDataSource } from '../../database/inject-data-source';
import { LiveStateService } from '../live/live-state.service';
import { TutorPresenceState } from '../live/tutor-presence-state.service';
import { HelpRequestStateEnum, type HelpRequestModel } from './models/help-request.model';

interface RequestRow {
  id: string;
  skill_slug: string;
  note: string;
  state: HelpRequestStateEnum;
  created_at: Date;
  expires_at: Date;
  session_id: string | null;
  position: number;
  recent_matches: number;
}

/** Matches over this window set the observed match rate of the wait estimate (wait-estimate.ts). */
const MATCH_RATE_WINDOW_MINUTES = 15;
const OPEN = [HelpRequestStateEnum.WAITING, HelpRequestStateEnum.OFFERED];

/** What a learner sees of their help request: state, place in line, tutors online and the expected wait. */
@Injectable()
export class HelpRequestViewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly presence: TutorPresenceState,
  ) {}

  /** My open request, else my latest one of the last day (so an expiry or a session's end stays visible). */
  async mine(learnerId: string): Promise<HelpRequestModel | null> {
    const [row] = await this.db.query<RequestRow[]>(
      `SELECT h.id, h.skill_slug, h.note, h.state, h.created_at, h.expires_at, s.id AS session_id,
              (SELECT count(*) FROM help_requests q WHERE q.skill_slug = h.skill_slug
                 AND q.state IN ('WAITING', 'OFFERED') AND q.created_at <= h.created_at)::int AS position,
              (SELECT count(*) FROM tutoring_sessions t WHERE t.skill_slug = h.skill_slug
                 AND t.started_at > now() - make_interval(mins => $2))::int AS recent_matches
       FROM help_requests h LEFT JOIN tutoring_sessions s ON s.request_id = h.id
       WHERE h.learner_id = $1
         AND (h.state IN ('WAITING', 'OFFERED', 'MATCHED') OR h.created_at > now() - interval '24 hours')
       ORDER BY h.state IN ('WAITING', 'OFFERED', 'MATCHED') DESC, h.created_at DESC
       LIMIT 1`,
      [learnerId, MATCH_RATE_WINDOW_MINUTES],
    );
    return row ? this.toModel(row) : null;
  }

  private async toModel(row: RequestRow): Promise<HelpRequestModel> {
    const open = OPEN.includes(row.state);
    const [tutorsOnline, freeTutors] = await Promise.all([
      this.presence.tutorsOnline(row.skill_slug),
      this.presence.freeTutors(row.skill_slug),
    ]);
    // Redis knows the line exactly; Postgres's count is the fallback while Redis is catching up.
    const position = open
      ? ((await this.live.position(row.id, row.skill_slug)) ?? Math.max(1, row.position))
      : null;
    const lesson = row.state === HelpRequestStateEnum.EXPIRED ? findSkill(row.skill_slug)?.lesson : undefined;
    return {
      id: row.id,
      skillSlug: row.skill_slug,
      note: row.note,
      state: row.state,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      position,
      tutorsOnline,
      estimatedWaitSeconds:
        position === null
          ? null
          : estimateWaitSeconds({
              position,
              tutorsOnline,
              freeTutors,
              recentMatchRatePerMinute: row.recent_matches / MATCH_RATE_WINDOW_MINUTES,
            }),
      session: row.session_id ? { id: row.session_id } : null,
      lesson: lesson ? { text: lesson.text, videoUrl: lesson.videoUrl ?? null } : null,
    };
  }
}
