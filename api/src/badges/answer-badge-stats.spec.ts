import { badgesNewlyEarned, initialMasteryState, type MasteryState } from '@peerlift/domain';
import { EMPTY_PROGRESS } from '../streaks/learner-progress';
import { answerBadgeStats } from './answer-badge-stats';

const skill = (overrides: Partial<MasteryState>): MasteryState => ({
  ...initialMasteryState(),
  ...overrides,
});

describe('answerBadgeStats', () => {
  it('adds the answered skill to the other skills’ mastery', () => {
    const stats = answerBadgeStats(
      {
        ...EMPTY_PROGRESS,
        total_correct: 12,
        correct_today: 3,
        streak_current: 2,
        days_away: 1,
        fast_correct_in_a_row: 4,
      },
      { best: 9, proficient: 2, mastered: 1 },
      skill({ level: 'PROFICIENT', bestStreak: 20 }),
    );
    expect(stats).toEqual({
      totalCorrect: 12,
      correctToday: 3,
      bestStreakInAnySkill: 20,
      fastCorrectInARow: 4,
      proficientSkills: 3,
      masteredSkills: 1,
      dailyStreak: 2,
      daysSinceLastPractice: 1,
      tutoringSessionsCompleted: 0,
      helpfulRatings: 0,
      tuteesReachedProficiency: 0,
    });
    expect(badgesNewlyEarned(stats, new Set(['first-steps']), 'ANSWER').map((b) => b.slug)).toEqual([
      'in-the-zone',
      'proficient-3',
      'mastered-1',
    ]);
  });

  it('counts a mastered answered skill as proficient too', () => {
    const stats = answerBadgeStats(
      EMPTY_PROGRESS,
      { best: 0, proficient: 0, mastered: 0 },
      skill({ level: 'MASTERED' }),
    );
    expect([stats.proficientSkills, stats.masteredSkills]).toEqual([1, 1]);
  });
});
