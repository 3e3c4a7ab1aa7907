import { rankLeagueStandings, rollOverCohort, type LeagueStanding } from './league-roll-over';
import { DEFAULT_LEAGUE_RULES, LEAGUE_TIERS, type LeagueTier } from './league-tiers';

const MONDAY = Date.UTC(2026, 10, 23);

/** n learners u01…un with distinct points, u01 best; `zeroFrom` makes the last ones score 0. */
function cohort(n: number, zeroFrom = n + 1): LeagueStanding[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: `u${String(i + 1).padStart(2, '0')}`,
    points: i + 1 >= zeroFrom ? 0 : (n - i) * 10,
    reachedAt: new Date(MONDAY + i * 60_000),
  }));
}

/** Outcomes as a compact string in rank order: P(romoted), S(tayed), D(emoted). */
function pattern(standings: LeagueStanding[], tier: LeagueTier, rules = DEFAULT_LEAGUE_RULES): string {
  return rollOverCohort(standings, tier, rules)
    .map((o) => o.outcome[0])
    .join('');
}

describe('rollOverCohort', () => {
  it('uses Duolingo-like defaults: cohorts of 30, top 7 up, bottom 5 down, in 10 tiers', () => {
    expect(DEFAULT_LEAGUE_RULES).toEqual({ cohortSize: 30, promote: 7, demote: 5 });
    expect(LEAGUE_TIERS).toHaveLength(10);
  });

  it.each<[string, number, LeagueTier, string]>([
    ['a full cohort in a middle tier', 30, 'GOLD', 'P'.repeat(7) + 'S'.repeat(18) + 'D'.repeat(5)],
    [
      'a full cohort in the entry tier: nobody falls out of bronze',
      30,
      'BRONZE',
      'P'.repeat(7) + 'S'.repeat(23),
    ],
    [
      'a full cohort in the top tier: nobody rises above diamond',
      30,
      'DIAMOND',
      'S'.repeat(25) + 'D'.repeat(5),
    ],
    ['exactly promote + demote members', 12, 'GOLD', 'PPPPPPPDDDDD'],
    ['11 members: shrunk to 6 up, 4 down', 11, 'GOLD', 'PPPPPPSDDDD'],
    ['6 members: 3 up, 2 down', 6, 'GOLD', 'PPPSDD'],
    ['3 members: 1 up, 1 down', 3, 'GOLD', 'PSD'],
    ['2 members: the leader goes up, nobody down', 2, 'GOLD', 'PS'],
    ['a lone learner stays', 1, 'GOLD', 'S'],
    ['an empty cohort', 0, 'GOLD', ''],
  ])('%s', (_case, size, tier, expected) => {
    expect(pattern(cohort(size), tier)).toBe(expected);
  });

  it.each([1, 2, 3, 5, 7, 11, 12, 13, 29, 30])(
    'never promotes and demotes the same learner (%i members)',
    (n) => {
      const outcomes = rollOverCohort(cohort(n), 'GOLD');
      expect(new Set(outcomes.map((o) => o.userId)).size).toBe(n);
      const promoted = outcomes.filter((o) => o.outcome === 'PROMOTED').length;
      const demoted = outcomes.filter((o) => o.outcome === 'DEMOTED').length;
      expect(promoted + demoted).toBeLessThanOrEqual(n);
    },
  );

  it.each<[string, number, number, LeagueTier, string]>([
    [
      'zero-point learners are demoted from any rank',
      30,
      21,
      'GOLD',
      'P'.repeat(7) + 'S'.repeat(13) + 'D'.repeat(10),
    ],
    ['a zero-point leader of a tiny cohort is not promoted', 2, 1, 'GOLD', 'DD'],
    ['zero-point learners in the entry tier stay', 30, 21, 'BRONZE', 'P'.repeat(7) + 'S'.repeat(23)],
  ])('%s', (_case, size, zeroFrom, tier, expected) => {
    expect(pattern(cohort(size, zeroFrom), tier)).toBe(expected);
  });

  it('moves promoted learners one tier up and demoted ones one tier down', () => {
    const outcomes = rollOverCohort(cohort(30), 'SAPPHIRE');
    expect(outcomes[0]).toMatchObject({ rank: 1, outcome: 'PROMOTED', nextTier: 'RUBY' });
    expect(outcomes[10]).toMatchObject({ rank: 11, outcome: 'STAYED', nextTier: 'SAPPHIRE' });
    expect(outcomes[29]).toMatchObject({ rank: 30, outcome: 'DEMOTED', nextTier: 'GOLD' });
  });

  it('honours per-tier rules', () => {
    expect(pattern(cohort(30), 'BRONZE', { cohortSize: 30, promote: 15, demote: 0 })).toBe(
      'P'.repeat(15) + 'S'.repeat(15),
    );
  });

  it.each([
    [{ cohortSize: 30, promote: 20, demote: 11 }],
    [{ cohortSize: 0, promote: 0, demote: 0 }],
    [{ cohortSize: 30, promote: -1, demote: 5 }],
    [{ cohortSize: 30, promote: 7.5, demote: 5 }],
  ])('rejects invalid rules %j', (rules) => {
    expect(() => rollOverCohort(cohort(3), 'GOLD', rules)).toThrow(RangeError);
  });

  it('rejects a learner listed twice', () => {
    const [a] = cohort(1);
    expect(() => rollOverCohort([a, { ...a }], 'GOLD')).toThrow(RangeError);
  });
});

describe('rankLeagueStandings', () => {
  const at = (minute: number) => new Date(MONDAY + minute * 60_000);

  it.each<[string, LeagueStanding[], string[]]>([
    [
      'more points first',
      [
        { userId: 'a', points: 10, reachedAt: at(0) },
        { userId: 'b', points: 20, reachedAt: at(9) },
      ],
      ['b', 'a'],
    ],
    [
      'equal points: who reached them first',
      [
        { userId: 'a', points: 10, reachedAt: at(5) },
        { userId: 'b', points: 10, reachedAt: at(1) },
      ],
      ['b', 'a'],
    ],
    [
      'full tie: smaller user id, whatever the input order',
      [
        { userId: 'z', points: 10, reachedAt: at(1) },
        { userId: 'm', points: 10, reachedAt: at(1) },
      ],
      ['m', 'z'],
    ],
  ])('%s', (_case, standings, expected) => {
    expect(rankLeagueStandings(standings).map((s) => s.userId)).toEqual(expected);
  });

  it('decides the promotion boundary by who reached the tied total first', () => {
    const standings = cohort(30);
    // ranks 7 and 8 tie on points; the one who got there later drops out of the promotion slots
    standings[6] = { ...standings[6], points: 230, reachedAt: at(100) };
    standings[7] = { ...standings[7], points: 230, reachedAt: at(50) };
    const outcomes = rollOverCohort(standings, 'GOLD');
    expect(outcomes.find((o) => o.userId === standings[7].userId)!.outcome).toBe('PROMOTED');
    expect(outcomes.find((o) => o.userId === standings[6].userId)!.outcome).toBe('STAYED');
  });
});
