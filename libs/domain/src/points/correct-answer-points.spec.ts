import type { MasteryLevel } from '../mastery/mastery-level';
import { pointsForCorrectAnswer } from './correct-answer-points';
import { DEFAULT_POINT_VALUES } from './point-values';

describe('pointsForCorrectAnswer (Khan Academy energy points)', () => {
  // [level before, streak after, answers in the skill including this one, points, why]
  it.each<[MasteryLevel, number, number, number, string]>([
    ['NOT_STARTED', 1, 1, 15, 'first answer'],
    ['ATTEMPTED', 3, 8, 15, 'below proficient'],
    ['FAMILIAR', 10, 20, 15, 'the answer that makes the skill proficient'],
    ['PROFICIENT', 11, 21, 8, '19 − 11'],
    ['PROFICIENT', 13, 23, 6, '19 − 13'],
    ['PROFICIENT', 14, 24, 5, '19 − 14 = the floor'],
    ['MASTERED', 40, 60, 5, 'never below 5'],
    ['PROFICIENT', 1, 30, 15, '19 − 1 = 18 is capped at the pre-proficiency 15'],
    ['PROFICIENT', 6, 30, 13, '19 − 6 after a reset streak'],
    ['FAMILIAR', 2, 150, 15, 'the 150th answer still pays the level rate'],
    ['FAMILIAR', 2, 151, 5, 'flat 5 after 150 answers'],
    ['PROFICIENT', 1, 400, 5, 'flat 5 after 150 answers, at any level'],
  ])('%s, streak %i, answer #%i → %i (%s)', (levelBefore, streakAfter, answersInSkill, points) => {
    expect(
      pointsForCorrectAnswer({ levelBefore, streakAfter, answersInSkill, values: DEFAULT_POINT_VALUES }),
    ).toBe(points);
  });

  it.each([
    { streakAfter: 1, longestStreak: 12, points: 7, why: "Khan's longest streak: 19 − 12" },
    { streakAfter: 15, longestStreak: 12, points: 5, why: 'the current streak when it is longer' },
  ])('uses the longest streak when given ($why)', ({ streakAfter, longestStreak, points }) => {
    const input = { levelBefore: 'PROFICIENT' as const, streakAfter, longestStreak, answersInSkill: 30 };
    expect(pointsForCorrectAnswer({ ...input, values: DEFAULT_POINT_VALUES })).toBe(points);
  });

  it.each([
    { levelBefore: 'ATTEMPTED', streakAfter: 1, answersInSkill: 1, points: 30, why: 'correctAnswer 30' },
    { levelBefore: 'PROFICIENT', streakAfter: 18, answersInSkill: 20, points: 2, why: 'floor 2' },
    { levelBefore: 'ATTEMPTED', streakAfter: 1, answersInSkill: 51, points: 5, why: 'threshold 50' },
  ] as const)('reads amounts from the experiment arm values ($why)', ({ points, why: _why, ...input }) => {
    const values = {
      ...DEFAULT_POINT_VALUES,
      correctAnswer: 30,
      floorAfterProficient: 2,
      manyAnswersThreshold: 50,
    };
    expect(pointsForCorrectAnswer({ ...input, values })).toBe(points);
  });

  it.each([
    { streakAfter: -1, answersInSkill: 0 },
    { streakAfter: 1, answersInSkill: 2.5 },
  ])('rejects bad counts %p', (counts) => {
    expect(() =>
      pointsForCorrectAnswer({ levelBefore: 'ATTEMPTED', ...counts, values: DEFAULT_POINT_VALUES }),
    ).toThrow(RangeError);
  });
});

describe('DEFAULT_POINT_VALUES', () => {
  it("holds Khan Academy's answer numbers", () => {
    expect(DEFAULT_POINT_VALUES).toMatchObject({
      correctAnswer: 15,
      floorAfterProficient: 5,
      flatAfterManyAnswers: 5,
      manyAnswersThreshold: 150,
    });
  });

  it('pays more for rarer badges', () => {
    const { METEORITE, MOON, EARTH, SUN, BLACK_HOLE } = DEFAULT_POINT_VALUES.badge;
    expect([METEORITE, MOON, EARTH, SUN, BLACK_HOLE]).toEqual(
      [...[METEORITE, MOON, EARTH, SUN, BLACK_HOLE]].sort((a, b) => a - b),
    );
  });
});
