import {
  type MasteryLevel,
  isProficientOrBetter,
  masteryLevelRank,
  meetsFamiliarBand,
} from './mastery-level';

describe('isProficientOrBetter', () => {
  it.each<[MasteryLevel, boolean]>([
    ['NOT_STARTED', false],
    ['ATTEMPTED', false],
    ['FAMILIAR', false],
    ['PROFICIENT', true],
    ['MASTERED', true],
  ])('%s → %s', (level, expected) => {
    expect(isProficientOrBetter(level)).toBe(expected);
  });

  it('ranks the ladder in order', () => {
    expect(
      ['NOT_STARTED', 'ATTEMPTED', 'FAMILIAR', 'PROFICIENT', 'MASTERED'].map((l) =>
        masteryLevelRank(l as MasteryLevel),
      ),
    ).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('meetsFamiliarBand (≥ 70 % of the recent answers, at least 5 of them)', () => {
  const parse = (answers: string): boolean[] => [...answers].map((a) => a === 'C');
  it.each([
    { answers: '', familiar: false },
    { answers: 'CCCC', familiar: false },
    { answers: 'CCCCC', familiar: true },
    { answers: 'CCWCC', familiar: true },
    { answers: 'CWCWC', familiar: false },
    { answers: 'CCCCCCCWWW', familiar: true },
    { answers: 'CCCCCCWWWW', familiar: false },
  ])('$answers → $familiar', ({ answers, familiar }) => {
    expect(meetsFamiliarBand(parse(answers))).toBe(familiar);
  });
});
