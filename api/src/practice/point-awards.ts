import {
  pointsForCorrectAnswer,
  type AttemptOutcome,
  type MasteryState,
  type PointValues,
} from '@peerlift/domain';
import type { PointAward } from '../gamification/point-ledger.service';

export type { PointAward };

/**
 * What one answer earns: the answer itself, plus one-off bonuses the first time a skill becomes proficient
 * or mastered (keyed by skill, so stepping back and climbing again does not pay twice).
 */
export function pointAwardsFor(opts: {
  exerciseId: string;
  skillSlug: string;
  correct: boolean;
  before: MasteryState;
  outcome: AttemptOutcome;
  values: PointValues;
}): PointAward[] {
  const { exerciseId, skillSlug, correct, before, outcome, values } = opts;
  if (!correct) return [];
  const awards: PointAward[] = [
    {
      reason: 'CORRECT_ANSWER',
      amount: pointsForCorrectAnswer({
        levelBefore: before.level,
        streakAfter: outcome.state.streak,
        answersInSkill: outcome.state.attempts,
        // Khan's original rule uses the longest streak, so missing on purpose to reset it never pays more.
        longestStreak: outcome.state.bestStreak,
        values,
      }),
      sourceKey: `answer:${exerciseId}`,
    },
  ];
  if (outcome.becameProficient) {
    awards.push({ reason: 'PROFICIENCY', amount: values.proficiency, sourceKey: `proficiency:${skillSlug}` });
  }
  if (outcome.becameMastered) {
    awards.push({ reason: 'MASTERY', amount: values.mastery, sourceKey: `mastery:${skillSlug}` });
  }
  return awards;
}
