import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LearnerBadgeStats } from '@peerlift/domain';
import { sqlRows } from '../database/sql';
import { LearnerProgressService } from '../streaks/learner-progress.service';

/** A tutee counts for tutor-impact badges when they reach PROFICIENT within this long of a session ending. */
export const TUTOR_IMPACT_WINDOW_DAYS = 7;

interface MasteryAggregate {
  best: number;
  proficient: number;
  mastered: number;
  held: string[];
}

export interface StatsSnapshot {
  stats: LearnerBadgeStats;
  /** Slugs already awarded to the learner. */
  held: Set<string>;
}

type TutoringCounts = Pick<LearnerBadgeStats, 'tutoringSessionsCompleted' | 'helpfulRatings' | 'tuteesReachedProficiency'>;

/**
 * Builds the full `LearnerBadgeStats` (tutoring included) for `myBadges` and the worker's aggregate check;
 * the answer transaction uses the cheaper `answerBadgeStats`.
 */
@Injectable()
export class BadgeStatsService {
  constructor(private readonly progress: LearnerProgressService) {}

  /** Everything, as of now (a broken streak counts 0; yesterday's correct answers are not today's). */
  async full(m: EntityManager, userId: string, now = new Date()): Promise<StatsSnapshot> {
    const [agg, view, tutoring] = [
      await this.masteryAggregate(m, userId),
      await this.progress.view(userId, now),
      await this.tutoringCounts(m, userId),
    ];
    return {
      held: new Set(agg.held),
      stats: {
        totalCorrect: view.row.total_correct,
        correctToday: view.correctToday,
        bestStreakInAnySkill: agg.best,
        fastCorrectInARow: view.row.fast_correct_in_a_row,
        proficientSkills: agg.proficient,
        masteredSkills: agg.mastered,
        dailyStreak: view.streak.current,
        daysSinceLastPractice: view.daysSinceLastPractice,
        ...tutoring,
      },
    };
  }

  private async masteryAggregate(m: EntityManager, userId: string): Promise<MasteryAggregate> {
    const [agg] = await sqlRows<MasteryAggregate>(
      m,
      `SELECT coalesce(max(best_streak), 0)::int AS best,
              count(*) FILTER (WHERE level IN ('PROFICIENT', 'MASTERED'))::int AS proficient,
              count(*) FILTER (WHERE level = 'MASTERED')::int AS mastered,
              ARRAY(SELECT badge_slug FROM user_badges WHERE user_id = $1) AS held
       FROM mastery WHERE user_id = $1`,
      [userId],
    );
    return agg;
  }

  /**
   * Tutoring as the tutor, from the tutoring feature's tables: completed sessions, "helpful" ratings from
   * the session's learner, and distinct tutees who became PROFICIENT in the session's skill between the
   * session's start and TUTOR_IMPACT_WINDOW_DAYS after its end.
   */
  private async tutoringCounts(m: EntityManager, userId: string): Promise<TutoringCounts> {
    const [row] = await sqlRows<TutoringCounts>(
      m,
      `SELECT
         (SELECT count(*) FROM tutoring_sessions WHERE tutor_id = $1 AND completed)::int AS "tutoringSessionsCompleted",
         (SELECT count(*) FROM session_ratings r JOIN tutoring_sessions s ON s.id = r.session_id
          WHERE s.tutor_id = $1 AND r.rater_id = s.learner_id AND r.helpful)::int AS "helpfulRatings",
         (SELECT count(DISTINCT s.learner_id) FROM tutoring_sessions s
          JOIN mastery ms ON ms.user_id = s.learner_id AND ms.skill_slug = s.skill_slug
          WHERE s.tutor_id = $1 AND s.completed AND ms.proficient_at >= s.started_at
            AND ms.proficient_at <= s.ended_at + make_interval(days => $2))::int AS "tuteesReachedProficiency"`,
      [userId, TUTOR_IMPACT_WINDOW_DAYS],
    );
    return row;
  }
}
