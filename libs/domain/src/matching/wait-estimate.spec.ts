import { estimateWaitSeconds } from './wait-estimate';

describe('estimateWaitSeconds', () => {
  it.each([
    // position, tutors online, matches/min → seconds
    [1, 5, 6, 10], // 10 s: exactly the floor
    [1, 5, 60, 10], // 1 s by the model, floored at 10 s
    [3, 5, 6, 30],
    [10, 5, 2, 300],
    [4, 3, 0.5, 480],
    [1, 3, 7, 10], // 8.57 s, floored at 10 s
    [2, 3, 7, 18], // 17.14 s rounded up
    [1, 3, 0, 300], // no recent matches: 3 tutors / 15 min = 0.2 per min → 5 min
    [2, 30, 0, 60], // 30 tutors / 15 min = 2 per min
    [1, 3, Number.NaN, 300], // an unknown rate falls back too
    [1, 3, -1, 300],
  ])('position %i, %i tutors online, %p matches/min → %i s', (position, tutorsOnline, rate, seconds) => {
    expect(estimateWaitSeconds({ position, tutorsOnline, recentMatchRatePerMinute: rate })).toBe(seconds);
  });

  it.each([0, 4])('is null when no tutor is online, even at %p recent matches/min', (rate) => {
    expect(estimateWaitSeconds({ position: 2, tutorsOnline: 0, recentMatchRatePerMinute: rate })).toBeNull();
  });

  it('grows with position', () => {
    const at = (position: number) =>
      estimateWaitSeconds({ position, tutorsOnline: 4, recentMatchRatePerMinute: 1 });
    expect([1, 2, 5, 20].map(at)).toEqual([60, 120, 300, 1200]);
  });

  it.each([
    [0, 3],
    [-1, 3],
    [1.5, 3],
    [1, -1],
    [1, 2.5],
  ])('rejects position %p with %p tutors online', (position, tutorsOnline) => {
    expect(() => estimateWaitSeconds({ position, tutorsOnline, recentMatchRatePerMinute: 1 })).toThrow(
      RangeError,
    );
  });
});
