import { estimateWaitSeconds } from './wait-estimate';

describe('estimateWaitSeconds', () => {
  it.each([
    // position, tutors online, of them free, matches/min → seconds
    [1, 5, 0, 6, 10], // 10 s: exactly the floor
    [1, 5, 0, 60, 10], // 1 s by the model, floored at 10 s
    [3, 5, 0, 6, 30],
    [10, 5, 0, 2, 300],
    [4, 3, 0, 0.5, 480],
    [1, 3, 0, 7, 10], // 8.57 s, floored at 10 s
    [2, 3, 0, 7, 18], // 17.14 s rounded up
    [1, 3, 0, 0, 300], // no recent matches, all 3 busy: 3 / 15 min = 0.2 per min → 5 min
    [2, 30, 0, 0, 60], // 30 busy tutors / 15 min = 2 per min
    [1, 3, 0, Number.NaN, 300], // an unknown rate falls back too
    [1, 3, 0, -1, 300],
    // Free tutors take the first in line at the next tick: the floor, whatever the recent rate.
    [1, 1, 1, 0, 10],
    [3, 5, 3, 0, 10],
    [3, 5, 9, 0, 10], // more free than online (read a moment apart): all free
    // Beyond the free ones, wait for busy tutors to free up.
    [4, 5, 2, 0, 600], // the 2nd of 3 busy tutors to free up: 2 / (3 per 15 min) = 10 min
    [3, 3, 2, 1, 60], // 1st beyond the free ones at an observed 1 per min
    [4, 2, 2, 0, 900], // none busy: the rate falls back to all online, 2 / (2 per 15 min) = 15 min
  ])(
    'position %i, %i tutors online of whom %i free, %p matches/min → %i s',
    (position, tutorsOnline, freeTutors, rate, seconds) => {
      expect(
        estimateWaitSeconds({ position, tutorsOnline, freeTutors, recentMatchRatePerMinute: rate }),
      ).toBe(seconds);
    },
  );

  it.each([0, 4])('is null when no tutor is online, even at %p recent matches/min', (rate) => {
    expect(
      estimateWaitSeconds({ position: 2, tutorsOnline: 0, freeTutors: 0, recentMatchRatePerMinute: rate }),
    ).toBeNull();
  });

  it('grows with position', () => {
    const at = (position: number) =>
      estimateWaitSeconds({ position, tutorsOnline: 4, freeTutors: 0, recentMatchRatePerMinute: 1 });
    expect([1, 2, 5, 20].map(at)).toEqual([60, 120, 300, 1200]);
  });

  it.each([
    [0, 3, 0],
    [-1, 3, 0],
    [1.5, 3, 0],
    [1, -1, 0],
    [1, 2.5, 0],
    [1, 3, -1],
    [1, 3, 0.5],
  ])('rejects position %p with %p tutors online, %p free', (position, tutorsOnline, freeTutors) => {
    expect(() =>
      estimateWaitSeconds({ position, tutorsOnline, freeTutors, recentMatchRatePerMinute: 1 }),
    ).toThrow(RangeError);
  });
});
