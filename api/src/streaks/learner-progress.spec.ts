import { applyAnswerToProgress, EMPTY_PROGRESS, progressAsOf, type ProgressRow } from './learner-progress';

const at = (iso: string) => new Date(iso);
const row = (overrides: Partial<ProgressRow>): ProgressRow => ({ ...EMPTY_PROGRESS, ...overrides });
const answer = (iso: string, correct = true, elapsedMs = 5_000) => ({
  correct,
  elapsedMs,
  now: at(iso),
  timeZone: 'UTC',
});

describe('applyAnswerToProgress', () => {
  it('starts a streak and the counters on a first answer', () => {
    const { row: r, day } = applyAnswerToProgress(EMPTY_PROGRESS, answer('2026-11-23T10:00:00Z'));
    expect(r).toEqual({
      streak_current: 1,
      streak_longest: 1,
      last_practice_day: '2026-11-23',
      freezes: 0,
      freezes_used: 0,
      days_away: null,
      correct_today: 1,
      total_correct: 1,
      fast_correct_in_a_row: 1,
    });
    expect(day.milestoneReached).toBeNull();
  });

  it.each<[string, Partial<ProgressRow>, ReturnType<typeof answer>, Partial<ProgressRow>]>([
    [
      'a second answer the same day adds to today only',
      {
        streak_current: 1,
        streak_longest: 1,
        last_practice_day: '2026-11-23',
        correct_today: 4,
        total_correct: 9,
      },
      answer('2026-11-23T22:00:00Z'),
      { streak_current: 1, correct_today: 5, total_correct: 10, days_away: null },
    ],
    [
      'the next day extends the streak and restarts today’s count',
      {
        streak_current: 2,
        streak_longest: 2,
        last_practice_day: '2026-11-22',
        correct_today: 30,
        total_correct: 40,
      },
      answer('2026-11-23T01:00:00Z'),
      { streak_current: 3, correct_today: 1, total_correct: 41, days_away: 1 },
    ],
    [
      'a wrong answer still makes a practice day',
      { streak_current: 2, streak_longest: 2, last_practice_day: '2026-11-22', total_correct: 3 },
      answer('2026-11-23T01:00:00Z', false),
      { streak_current: 3, correct_today: 0, total_correct: 3, fast_correct_in_a_row: 0 },
    ],
    [
      'a week away is remembered for the whole day (comeback badges)',
      { streak_current: 5, streak_longest: 5, last_practice_day: '2026-11-14' },
      answer('2026-11-23T08:00:00Z'),
      { streak_current: 1, streak_longest: 5, days_away: 9 },
    ],
    [
      'a missed day is covered by a freeze held',
      { streak_current: 8, streak_longest: 8, last_practice_day: '2026-11-21', freezes: 2 },
      answer('2026-11-23T08:00:00Z'),
      { streak_current: 9, freezes: 1, freezes_used: 1, days_away: 2 },
    ],
    [
      'a slow right answer breaks the fast run',
      { streak_current: 1, streak_longest: 1, last_practice_day: '2026-11-23', fast_correct_in_a_row: 9 },
      answer('2026-11-23T09:00:00Z', true, 15_000),
      { fast_correct_in_a_row: 0 },
    ],
    [
      'a quick right answer extends it',
      { streak_current: 1, streak_longest: 1, last_practice_day: '2026-11-23', fast_correct_in_a_row: 9 },
      answer('2026-11-23T09:00:00Z', true, 14_999),
      { fast_correct_in_a_row: 10 },
    ],
  ])('%s', (_case, before, input, expected) => {
    expect(applyAnswerToProgress(row(before), input).row).toMatchObject(expected);
  });

  it('counts the day in the learner’s zone, not UTC', () => {
    const before = row({ streak_current: 1, streak_longest: 1, last_practice_day: '2026-11-23' });
    // 11:00 UTC on the 23rd is already the 24th in Kiritimati (UTC+14).
    const { row: r } = applyAnswerToProgress(before, {
      ...answer('2026-11-23T11:00:00Z'),
      timeZone: 'Pacific/Kiritimati',
    });
    expect(r).toMatchObject({ last_practice_day: '2026-11-24', streak_current: 2, days_away: 1 });
  });

  it('reports the milestone a day reaches', () => {
    const before = row({ streak_current: 6, streak_longest: 6, last_practice_day: '2026-11-22' });
    const { day, row: r } = applyAnswerToProgress(before, answer('2026-11-23T08:00:00Z'));
    expect(day.milestoneReached).toBe(7);
    expect(r).toMatchObject({ streak_current: 7, freezes: 1 });
  });
});

describe('progressAsOf', () => {
  const stored = row({
    streak_current: 4,
    streak_longest: 9,
    last_practice_day: '2026-11-20',
    correct_today: 12,
    days_away: 1,
    freezes: 1,
  });

  it.each([
    [
      'the same day',
      '2026-11-20T23:00:00Z',
      { current: 4, practisedToday: true, correctToday: 12, daysSinceLastPractice: 1 },
    ],
    [
      'the next day, before practising',
      '2026-11-21T08:00:00Z',
      { current: 4, practisedToday: false, correctToday: 0, daysSinceLastPractice: 1 },
    ],
    [
      'a missed day a freeze covers',
      '2026-11-22T08:00:00Z',
      { current: 4, practisedToday: false, daysSinceLastPractice: 2 },
    ],
    [
      'more missed days than freezes',
      '2026-11-23T08:00:00Z',
      { current: 0, practisedToday: false, daysSinceLastPractice: 3 },
    ],
  ])('%s', (_case, iso, expected) => {
    const view = progressAsOf(stored, { now: at(iso), timeZone: 'UTC' });
    expect({ ...view, current: view.streak.current }).toMatchObject(expected);
    expect(view.streak.longest).toBe(9);
  });
});
