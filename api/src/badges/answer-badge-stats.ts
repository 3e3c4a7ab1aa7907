/**
 * The badge statistics at answer time, from what the answer transaction already holds: the learner's
 * progress row after this answer, the aggregate of their *other* skills' mastery, and this skill's new
 * mastery state. Tutoring counts are 0 here on purpose — tutoring badges are checked by the worker
 * (`LearnerBadgeStats`: "fields a caller does not load must be given as 0").
 */
import { isProficientOrBetter, type LearnerBadgeStats, type MasteryState } from '@peerlift/domain';
import type { ProgressRow } from '../streaks/learner-progress';

/** Mastery over every skill except the one just answered. */
export interface OtherSkillsMastery {
  best: number;
  proficient: number;
  mastered: number;
}

export function answerBadgeStats(
  progress: ProgressRow,
  others: OtherSkillsMastery,
  skill: MasteryState,
): LearnerBadgeStats {
  return {
    totalCorrect: progress.total_correct,
    correctToday: progress.correct_today,
    bestStreakInAnySkill: Math.max(others.best, skill.bestStreak),
    fastCorrectInARow: progress.fast_correct_in_a_row,
    proficientSkills: others.proficient + (isProficientOrBetter(skill.level) ? 1 : 0),
    masteredSkills: others.mastered + (skill.level === 'MASTERED' ? 1 : 0),
    dailyStreak: progress.streak_current,
    daysSinceLastPractice: progress.days_away,
    tutoringSessionsCompleted: 0,
    helpfulRatings: 0,
    tuteesReachedProficiency: 0,
  };
}
