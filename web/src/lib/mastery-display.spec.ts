import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isProficient, needsText, reviewDue, statusDisplay, streakPercent, streakText } from './mastery-display';

describe('streak display', () => {
  const cases: Array<[number, number, string, number]> = [
    [0, 10, '0 / 10 in a row', 0],
    [7, 10, '7 / 10 in a row', 70],
    [10, 10, '10 / 10 in a row', 100],
    [14, 10, '10 / 10 in a row', 100],
    [2, 3, '2 / 3 in a row', 67],
  ];
  for (const [streak, goal, text, percent] of cases) {
    it(`shows streak ${streak} of ${goal} as "${text}" (${percent}%)`, () => {
      assert.equal(streakText({ streak, streakToProficient: goal }), text);
      assert.equal(streakPercent({ streak, streakToProficient: goal }), percent);
    });
  }
});

describe('statusDisplay', () => {
  it('gives every status a word as well as a colour', () => {
    for (const status of ['PROFICIENT', 'WORKING', 'STUCK', 'NOT_STARTED'] as const) {
      assert.ok(statusDisplay(status).label.length > 0);
    }
    assert.equal(statusDisplay('STUCK').tone, 'red');
    assert.equal(statusDisplay('PROFICIENT').tone, 'green');
  });
});

describe('needsText', () => {
  it('lists one prerequisite', () => assert.equal(needsText(['Counting']), 'Needs: Counting'));
  it('joins several', () => assert.equal(needsText(['A', 'B', 'C']), 'Needs: A, B and C'));
});

describe('reviewDue', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('is due once the time has come for a proficient skill', () => {
    assert.equal(reviewDue({ level: 'PROFICIENT', reviewDueAt: '2026-11-23T09:00:00Z' }, now), true);
    assert.equal(reviewDue({ level: 'PROFICIENT', reviewDueAt: '2026-11-24T09:00:00Z' }, now), false);
  });
  it('is never due for mastered or unscheduled skills', () => {
    assert.equal(reviewDue({ level: 'MASTERED', reviewDueAt: '2026-11-23T09:00:00Z' }, now), false);
    assert.equal(reviewDue({ level: 'PROFICIENT', reviewDueAt: null }, now), false);
  });
});

describe('isProficient', () => {
  it('counts mastered as proficient', () => assert.equal(isProficient({ level: 'MASTERED' }), true));
  it('does not count familiar', () => assert.equal(isProficient({ level: 'FAMILIAR' }), false));
});
