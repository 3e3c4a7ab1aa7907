import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { estimateWaitSeconds, findSkill } from '@peerlift/domain';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, type PreparedSql } from '../../database/sql';
import { LiveStateService, type LineView } from '../live/live-state.service';
import { TutorPresenceState } from '../live/tutor-presence-state.service';
import { HelpRequestStateEnum, type HelpRequestModel } from './models/help-request.model';
import { RecentMatchRates } from './recent-match-rates';

/** A help request's own facts, as Postgres has them. */
export interface HelpRequestRow {
  id: string;
  skill_slug: string;
  note: string;
  state: HelpRequestStateEnum;
  created_at: Date;
  expires_at: Date;
  session_id: string | null;
}

const OPEN = [HelpRequestStateEnum.WAITING, HelpRequestStateEnum.OFFERED];

/** $1 learner. My open request, else my latest one of the last day. */
const MY_REQUEST: PreparedSql = {
  name: 'my_help_request',
  text: `SELECT h.id, h.skill_slug, h.note, h.state, h.created_at, h.expires_at, s.id AS session_id
         FROM help_requests h LEFT JOIN tutoring_sessions s ON s.request_id = h.id
         WHERE h.learner_id = $1
           AND (h.state IN ('WAITING', 'OFFERED', 'MATCHED') OR h.created_at > now() - interval '24 hours')
         ORDER BY h.state IN ('WAITING', 'OFFERED', 'MATCHED') DESC, h.created_at DESC
         LIMIT 1`,
};

/** $1 request. Its place in line by Postgres's count: the fallback while Redis is catching up. */
const POSITION_IN_POSTGRES: PreparedSql = {
  name: 'help_request_position',
  text: `SELECT count(*)::int AS n FROM help_requests q JOIN help_requests h ON h.id = $1
         WHERE q.skill_slug = h.skill_slug AND q.state IN ('WAITING', 'OFFERED') AND q.created_at <= h.created_at`,
};

/** What a learner sees of their help request: state, place in line, tutors online and the expected wait. */
@Injectable()
export class HelpRequestViewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveStateService,
    private readonly presence: TutorPresenceState,
    private readonly matchRates: RecentMatchRates,
  ) {}

  /** My open request, else my latest one of the last day (so an expiry or a session's end stays visible). */
  async mine(learnerId: string): Promise<HelpRequestModel | null> {
    const [row] = await preparedRows<HelpRequestRow>(this.db, MY_REQUEST, [learnerId]);
    return row ? this.toModel(row) : null;
  }

  /**
   * The view of a request from facts the caller already has (e.g. the one it just created, with `line` as
   * joining the line returned it).
   */
  async toModel(row: HelpRequestRow, line?: LineView): Promise<HelpRequestModel> {
    const open = OPEN.includes(row.state);
    const [tutorsOnline, freeTutors, redisPosition, matchRate] = await Promise.all([
      line?.tutorsOnline ?? this.presence.tutorsOnline(row.skill_slug),
      line?.freeTutors ?? this.presence.freeTutors(row.skill_slug),
      open ? (line?.position ?? this.live.position(row.id, row.skill_slug)) : null,
      open ? this.matchRates.perMinute(row.skill_slug) : 0,
    ]);
    // Redis knows the line exactly; Postgres's count is the fallback while Redis is catching up.
    const position = open ? (redisPosition ?? (await this.positionInPostgres(row.id))) : null;
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
          : estimateWaitSeconds({ position, tutorsOnline, freeTutors, recentMatchRatePerMinute: matchRate }),
      session: row.session_id ? { id: row.session_id } : null,
      lesson: lesson ? { text: lesson.text, videoUrl: lesson.videoUrl ?? null } : null,
    };
  }

  private async positionInPostgres(requestId: string): Promise<number> {
    const [row] = await preparedRows<{ n: number }>(this.db, POSITION_IN_POSTGRES, [requestId]);
    return Math.max(1, row?.n ?? 0);
  }
}
