import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { TutorRewardsService } from './tutor-rewards.service';

/** A tutee who becomes PROFICIENT within this long after a completed session earns the tutor a bonus. */
export const TUTOR_IMPACT_WINDOW_HOURS = 24;
/** Sessions that ended this long ago are no longer looked at (covers a worker down for days). */
const LOOKBACK_DAYS = 7;

interface ImpactRow {
  tutor_id: string;
  learner_id: string;
  skill_slug: string;
}

/**
 * The "tutor impact" measure (DESIGN.md §4 Tutoring sessions): run every minute by the worker. For each
 * learner and skill, the latest completed session that started before the learner last became PROFICIENT
 * in that skill and ended at most 24 hours before it earns its tutor TUTOR_IMPACT once. Idempotent: the
 * ledger's source key is unique per tutor.
 */
@Injectable()
export class TutorImpactService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rewards: TutorRewardsService,
  ) {}

  async payDue(): Promise<number> {
    const due = await this.db.query<ImpactRow[]>(
      `SELECT d.tutor_id, d.learner_id, d.skill_slug FROM (
         SELECT DISTINCT ON (s.learner_id, s.skill_slug) s.tutor_id, s.learner_id, s.skill_slug
         FROM tutoring_sessions s
         JOIN mastery m ON m.user_id = s.learner_id AND m.skill_slug = s.skill_slug
         WHERE s.completed AND s.ended_at > now() - make_interval(days => $2)
           AND m.level IN ('PROFICIENT', 'MASTERED')
           AND m.proficient_at >= s.started_at AND m.proficient_at <= s.ended_at + make_interval(hours => $1)
         ORDER BY s.learner_id, s.skill_slug, s.started_at DESC) d
       WHERE NOT EXISTS (SELECT 1 FROM point_ledger p WHERE p.user_id = d.tutor_id
                           AND p.source_key = 'tutor-impact:' || d.learner_id || ':' || d.skill_slug)`,
      [TUTOR_IMPACT_WINDOW_HOURS, LOOKBACK_DAYS],
    );
    let paid = 0;
    for (const row of due) {
      const awarded = await this.db.transaction((m) =>
        this.rewards.payImpact(m, {
          tutorId: row.tutor_id,
          learnerId: row.learner_id,
          skillSlug: row.skill_slug,
        }),
      );
      if (awarded > 0) {
        paid += 1;
        await this.rewards.afterCommit(row.tutor_id);
      }
    }
    return paid;
  }
}
