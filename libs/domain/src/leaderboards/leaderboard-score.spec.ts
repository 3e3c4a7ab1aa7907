import {
  LEADERBOARD_EPOCH,
  LEADERBOARD_LAST_INSTANT,
  LEADERBOARD_MAX_POINTS,
  decodeLeaderboardPoints,
  decodeLeaderboardReachedAt,
  encodeLeaderboardScore,
} from './leaderboard-score';

const at = (iso: string) => new Date(iso);

/** Sorts members the way Redis ZREVRANGE does: score descending, then member descending. */
function zrevrange(members: { member: string; score: number }[]): string[] {
  return [...members]
    .sort((a, b) => b.score - a.score || (a.member < b.member ? 1 : a.member > b.member ? -1 : 0))
    .map((m) => m.member);
}

describe('encodeLeaderboardScore', () => {
  it('documents its limits: the largest score is exactly 2^53 − 1', () => {
    expect(LEADERBOARD_MAX_POINTS).toBe(4_194_303);
    expect(LEADERBOARD_EPOCH.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(LEADERBOARD_LAST_INSTANT.toISOString()).toBe('2093-01-19T03:14:07.000Z');
    expect(encodeLeaderboardScore(LEADERBOARD_MAX_POINTS, LEADERBOARD_EPOCH)).toBe(Number.MAX_SAFE_INTEGER);
    expect(encodeLeaderboardScore(0, LEADERBOARD_LAST_INSTANT)).toBe(0);
  });

  it.each([
    [0, '2025-01-01T00:00:00Z'],
    [1, '2026-11-23T00:00:00Z'],
    [15, '2026-12-31T23:59:59Z'],
    [123_456, '2030-06-15T12:34:56Z'],
    [LEADERBOARD_MAX_POINTS, '2093-01-19T03:14:07Z'],
    [LEADERBOARD_MAX_POINTS, '2025-01-01T00:00:00Z'],
  ])('round-trips %i points reached at %s exactly', (points, iso) => {
    const score = encodeLeaderboardScore(points, at(iso));
    expect(Number.isSafeInteger(score)).toBe(true);
    // Redis sends scores as decimal strings; an integer below 2^53 survives the trip.
    expect(Number(String(score))).toBe(score);
    expect(decodeLeaderboardPoints(score)).toBe(points);
    expect(decodeLeaderboardReachedAt(score)).toEqual(at(iso));
  });

  it('truncates sub-second times to the second', () => {
    const score = encodeLeaderboardScore(10, at('2026-01-01T00:00:00.999Z'));
    expect(decodeLeaderboardReachedAt(score)).toEqual(at('2026-01-01T00:00:00Z'));
  });

  it.each<[string, { member: string; points: number; reachedAt: string }[], string[]]>([
    [
      'more points rank first, whenever they were reached',
      [
        { member: 'early-low', points: 100, reachedAt: '2025-01-01T00:00:00Z' },
        { member: 'late-high', points: 101, reachedAt: '2093-01-19T03:14:07Z' },
      ],
      ['late-high', 'early-low'],
    ],
    [
      'equal points: who got there first ranks first',
      [
        { member: 'b-second', points: 500, reachedAt: '2026-11-23T10:00:01Z' },
        { member: 'a-first', points: 500, reachedAt: '2026-11-23T10:00:00Z' },
        { member: 'c-third', points: 500, reachedAt: '2026-11-29T23:59:59Z' },
      ],
      ['a-first', 'b-second', 'c-third'],
    ],
    [
      'a full tie (same points, same second) falls back to member order',
      [
        { member: 'amy', points: 7, reachedAt: '2026-11-23T10:00:00.100Z' },
        { member: 'zed', points: 7, reachedAt: '2026-11-23T10:00:00.900Z' },
      ],
      ['zed', 'amy'],
    ],
    [
      'at the largest points, ties are still ordered',
      [
        { member: 'later', points: LEADERBOARD_MAX_POINTS, reachedAt: '2090-01-01T00:00:01Z' },
        { member: 'earlier', points: LEADERBOARD_MAX_POINTS, reachedAt: '2090-01-01T00:00:00Z' },
        { member: 'one-less', points: LEADERBOARD_MAX_POINTS - 1, reachedAt: '2025-01-01T00:00:00Z' },
      ],
      ['earlier', 'later', 'one-less'],
    ],
  ])('%s', (_case, rows, expected) => {
    const members = rows.map((r) => ({
      member: r.member,
      score: encodeLeaderboardScore(r.points, at(r.reachedAt)),
    }));
    expect(zrevrange(members)).toEqual(expected);
  });

  it.each([
    ['negative points', -1, '2026-01-01T00:00:00Z'],
    ['fractional points', 1.5, '2026-01-01T00:00:00Z'],
    ['points above the limit', LEADERBOARD_MAX_POINTS + 1, '2026-01-01T00:00:00Z'],
    ['NaN points', Number.NaN, '2026-01-01T00:00:00Z'],
    ['a time before the epoch', 1, '2024-12-31T23:59:59Z'],
    ['a time after the last instant', 1, '2093-01-19T03:14:08Z'],
    ['an invalid date', 1, 'not a date'],
  ])('rejects %s', (_case, points, iso) => {
    expect(() => encodeLeaderboardScore(points, at(iso))).toThrow(RangeError);
  });

  it.each([-1, 0.5, 2 ** 53, Number.NaN])('refuses to decode %p', (score) => {
    expect(() => decodeLeaderboardPoints(score)).toThrow(RangeError);
  });
});
