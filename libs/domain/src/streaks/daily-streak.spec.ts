import {
  type DailyStreak,
  type PracticeDayOutcome,
  currentStreakAsOf,
  initialDailyStreak,
  recordPracticeDay,
  streakMilestone,
} from './daily-streak';

/** Records practice at each ISO instant in turn, in one zone. */
function practise(
  instants: string[],
  timeZone: string,
  from: DailyStreak = initialDailyStreak(),
): PracticeDayOutcome[] {
  const outcomes: PracticeDayOutcome[] = [];
  let streak = from;
  for (const instant of instants) {
    const outcome = recordPracticeDay(streak, { now: new Date(instant), timeZone });
    outcomes.push(outcome);
    streak = outcome.streak;
  }
  return outcomes;
}
const last = <T>(items: T[]): T => items[items.length - 1];
/** Noon UTC on consecutive days from 2026-03-01. */
const dailyAtNoon = (days: number): string[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.UTC(2026, 2, 1 + i, 12)).toISOString());

describe('recordPracticeDay', () => {
  it('starts a streak on the first practice', () => {
    const [outcome] = practise(['2026-03-10T12:00:00Z'], 'UTC');
    expect(outcome.streak).toEqual({
      current: 1,
      longest: 1,
      lastPracticeDay: '2026-03-10',
      freezes: 0,
      freezesUsed: 0,
    });
  });

  it.each([
    {
      why: 'twice the same day',
      instants: ['2026-03-10T08:00:00Z', '2026-03-10T20:00:00Z'],
      timeZone: 'UTC',
      current: 1,
    },
    {
      why: 'consecutive days',
      instants: ['2026-03-10T08:00:00Z', '2026-03-11T08:00:00Z'],
      timeZone: 'UTC',
      current: 2,
    },
    // the same two instants, 12 h apart: one local day in Auckland (09:00 and 21:00 on the 11th) …
    {
      why: 'Auckland',
      instants: ['2026-03-10T20:00:00Z', '2026-03-11T08:00:00Z'],
      timeZone: 'Pacific/Auckland',
      current: 1,
    },
    // … but two in Los Angeles (13:00 on the 10th, 01:00 on the 11th)
    {
      why: 'Los Angeles',
      instants: ['2026-03-10T20:00:00Z', '2026-03-11T08:00:00Z'],
      timeZone: 'America/Los_Angeles',
      current: 2,
    },
    // spring forward: 23:30 EST on 7 March and 23:30 EDT on 8 March are only 23 h apart
    {
      why: 'a 23-hour day',
      instants: ['2026-03-08T04:30:00Z', '2026-03-09T03:30:00Z'],
      timeZone: 'America/New_York',
      current: 2,
    },
    // fall back: 00:30 EDT and 23:30 EST on 1 November are 24 h apart, the same day
    {
      why: 'a 25-hour day',
      instants: ['2026-11-01T04:30:00Z', '2026-11-02T04:30:00Z'],
      timeZone: 'America/New_York',
      current: 1,
    },
    {
      why: 'after a 25-hour day',
      instants: ['2026-11-01T04:30:00Z', '2026-11-02T05:30:00Z'],
      timeZone: 'America/New_York',
      current: 2,
    },
    {
      why: 'a missed day without a freeze',
      instants: ['2026-03-10T12:00:00Z', '2026-03-12T12:00:00Z'],
      timeZone: 'UTC',
      current: 1,
    },
  ])('$why → current $current', ({ instants, timeZone, current }) => {
    expect(last(practise(instants, timeZone)).streak.current).toBe(current);
  });

  it('ignores a practice day earlier than the last one (moved west across the date line)', () => {
    const [first] = practise(['2026-03-10T20:00:00Z'], 'Pacific/Auckland'); // 2026-03-11 in Auckland
    const [moved] = practise(['2026-03-10T21:00:00Z'], 'America/Los_Angeles', first.streak); // 2026-03-10 in LA
    expect(moved).toEqual({
      streak: first.streak,
      freezesConsumed: 0,
      freezeEarned: false,
      milestoneReached: null,
    });
  });

  it.each([
    { day: 6, freezeEarned: false, freezes: 0 },
    { day: 7, freezeEarned: true, freezes: 1 },
    { day: 8, freezeEarned: false, freezes: 1 },
    { day: 14, freezeEarned: true, freezes: 2 },
    { day: 21, freezeEarned: false, freezes: 2 }, // at most 2 held
  ])(
    'day $day of an unbroken run: freezeEarned=$freezeEarned, freezes held $freezes',
    ({ day, freezeEarned, freezes }) => {
      const outcome = practise(dailyAtNoon(day), 'UTC')[day - 1];
      expect(outcome.freezeEarned).toBe(freezeEarned);
      expect(outcome.streak.freezes).toBe(freezes);
      expect(outcome.streak.current).toBe(day);
    },
  );

  const held = (freezes: number): DailyStreak => ({
    current: 8,
    longest: 8,
    lastPracticeDay: '2026-03-10',
    freezes,
    freezesUsed: 0,
  });
  it.each([
    {
      why: 'one missed day, one freeze: covered',
      freezes: 1,
      next: '2026-03-12',
      current: 9,
      consumed: 1,
      left: 0,
    },
    {
      why: 'one missed day, two freezes: one used',
      freezes: 2,
      next: '2026-03-12',
      current: 9,
      consumed: 1,
      left: 1,
    },
    {
      why: 'two missed days, two freezes: covered',
      freezes: 2,
      next: '2026-03-13',
      current: 9,
      consumed: 2,
      left: 0,
    },
    {
      why: 'two missed days, one freeze: broken, freeze kept',
      freezes: 1,
      next: '2026-03-13',
      current: 1,
      consumed: 0,
      left: 1,
    },
    {
      why: 'no missed day: no freeze used',
      freezes: 1,
      next: '2026-03-11',
      current: 9,
      consumed: 0,
      left: 1,
    },
  ])('$why', ({ freezes, next, current, consumed, left }) => {
    const [outcome] = practise([`${next}T12:00:00Z`], 'UTC', held(freezes));
    expect(outcome.freezesConsumed).toBe(consumed);
    expect(outcome.streak).toMatchObject({
      current,
      freezes: left,
      freezesUsed: consumed,
      longest: Math.max(8, current),
    });
  });

  it('celebrates 3, 7, 14 and 30 days in a 30-day run', () => {
    const milestones = practise(dailyAtNoon(30), 'UTC')
      .map((o) => o.milestoneReached)
      .filter((m) => m !== null);
    expect(milestones).toEqual([3, 7, 14, 30]);
  });

  it('never mutates the streak it is given', () => {
    const streak = Object.freeze(held(1));
    recordPracticeDay(streak, { now: new Date('2026-03-12T12:00:00Z'), timeZone: 'UTC' });
    expect(streak).toEqual(held(1));
  });
});

describe('streakMilestone', () => {
  it.each([
    [1, null],
    [2, null],
    [3, 3],
    [7, 7],
    [14, 14],
    [30, 30],
    [50, 50],
    [100, 100],
    [364, null],
    [365, 365],
    [366, null],
    [730, 730],
  ])('%i days → %p', (days, milestone) => {
    expect(streakMilestone(days)).toBe(milestone);
  });
});

describe('currentStreakAsOf', () => {
  const stored = (freezes: number): DailyStreak => ({
    current: 5,
    longest: 9,
    lastPracticeDay: '2026-03-10',
    freezes,
    freezesUsed: 0,
  });
  it.each([
    { freezes: 0, viewed: '2026-03-10T23:00:00Z', current: 5, why: 'practised today' },
    { freezes: 0, viewed: '2026-03-11T23:00:00Z', current: 5, why: 'practised yesterday; today is not over' },
    { freezes: 0, viewed: '2026-03-12T01:00:00Z', current: 0, why: 'missed a day, no freeze' },
    { freezes: 1, viewed: '2026-03-12T01:00:00Z', current: 5, why: 'missed a day, a freeze will cover it' },
    { freezes: 1, viewed: '2026-03-13T01:00:00Z', current: 0, why: 'missed two days, one freeze' },
    { freezes: 2, viewed: '2026-03-13T01:00:00Z', current: 5, why: 'missed two days, two freezes' },
  ])('$why → $current', ({ freezes, viewed, current }) => {
    const seen = currentStreakAsOf(stored(freezes), { now: new Date(viewed), timeZone: 'UTC' });
    expect(seen).toEqual({ ...stored(freezes), current });
  });

  it('judges the lapse in the learner zone: at 2026-03-12T06:00Z LA is still on the 11th, Auckland on the 12th', () => {
    const now = new Date('2026-03-12T06:00:00Z');
    expect(currentStreakAsOf(stored(0), { now, timeZone: 'America/Los_Angeles' }).current).toBe(5);
    expect(currentStreakAsOf(stored(0), { now, timeZone: 'Pacific/Auckland' }).current).toBe(0);
  });

  it('returns a copy and leaves an unstarted streak alone', () => {
    const input = Object.freeze(stored(0));
    const seen = currentStreakAsOf(input, { now: new Date('2026-03-20T12:00:00Z'), timeZone: 'UTC' });
    expect(seen).not.toBe(input);
    expect(input.current).toBe(5);
    expect(
      currentStreakAsOf(initialDailyStreak(), { now: new Date('2026-03-20T12:00:00Z'), timeZone: 'UTC' }),
    ).toEqual(initialDailyStreak());
  });

  it('can be stored and fed back to recordPracticeDay: a broken streak restarts at 1', () => {
    const seen = currentStreakAsOf(stored(0), { now: new Date('2026-03-13T01:00:00Z'), timeZone: 'UTC' });
    const [outcome] = practise(['2026-03-13T02:00:00Z'], 'UTC', seen);
    expect(outcome.streak).toMatchObject({ current: 1, longest: 9, lastPracticeDay: '2026-03-13' });
  });
});
