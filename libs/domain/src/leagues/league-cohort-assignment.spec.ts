import {
  NO_EXPERIMENT_ARM_KEY,
  cohortGroupKey,
  cohortKeyFor,
  leagueArmKey,
} from './league-cohort-assignment';
import { leagueSlotsForCohort, leagueTierAbove, leagueTierBelow } from './league-tiers';

describe('cohortKeyFor', () => {
  const base = { weekKey: '2026-W48', tier: 'GOLD' as const, armKey: 'none' };

  it.each<[string, number[], string, boolean]>([
    ['opens the first cohort of an empty group', [], '2026-W48/GOLD/none/0', true],
    ['fills the newest cohort while it has room', [30, 12], '2026-W48/GOLD/none/1', false],
    ['fills the last free seat', [30, 29], '2026-W48/GOLD/none/1', false],
    ['opens a new cohort when every cohort is full', [30, 30], '2026-W48/GOLD/none/2', true],
    [
      'prefers the newest non-full cohort over an older one with room',
      [28, 30, 17],
      '2026-W48/GOLD/none/2',
      false,
    ],
    [
      'falls back to an older cohort with room before opening a new one',
      [28, 30, 30],
      '2026-W48/GOLD/none/0',
      false,
    ],
    ['treats an over-full cohort (after a race) as full', [31], '2026-W48/GOLD/none/1', true],
  ])('%s', (_case, cohortSizes, cohortKey, opensNewCohort) => {
    expect(cohortKeyFor({ ...base, cohortSizes })).toMatchObject({ cohortKey, opensNewCohort });
  });

  it('respects a smaller cohort size', () => {
    expect(cohortKeyFor({ ...base, cohortSizes: [5], rules: { cohortSize: 5 } }).cohortKey).toBe(
      '2026-W48/GOLD/none/1',
    );
  });

  it.each<[string, Partial<typeof base>]>([
    ['weeks', { weekKey: '2026-W49' }],
    ['tiers', { tier: 'RUBY' as never }],
    ['experiment arms', { armKey: 'points-per-answer=double' }],
  ])('never puts learners from different %s in one cohort', (_case, change) => {
    const a = cohortKeyFor({ ...base, cohortSizes: [3] });
    const b = cohortKeyFor({ ...base, ...change, cohortSizes: [3] });
    expect(a.cohortKey).not.toBe(b.cohortKey);
  });

  it('makes keys with no colon, so they can name BullMQ jobs', () => {
    expect(
      cohortKeyFor({
        ...base,
        armKey: leagueArmKey([{ experimentKey: 'pts', variationId: '1' }]),
        cohortSizes: [],
      }).cohortKey,
    ).not.toContain(':');
  });

  it.each<[string, Partial<typeof base> & { cohortSizes: number[] }]>([
    ['a malformed week', { weekKey: '2026-48', cohortSizes: [] }],
    ['an unknown tier', { tier: 'PLATINUM' as never, cohortSizes: [] }],
    ['an arm key with a separator', { armKey: 'a/b', cohortSizes: [] }],
    ['an empty arm key', { armKey: '', cohortSizes: [] }],
  ])('rejects %s', (_case, input) => {
    expect(() => cohortKeyFor({ ...base, ...input })).toThrow(RangeError);
  });
});

describe('leagueArmKey', () => {
  it.each<[string, { experimentKey: string; variationId: string }[], string]>([
    ['no point-value experiment', [], NO_EXPERIMENT_ARM_KEY],
    ['one experiment', [{ experimentKey: 'points-per-answer', variationId: '1' }], 'points-per-answer=1'],
    [
      'several experiments, in any order',
      [
        { experimentKey: 'streak-bonus', variationId: '0' },
        { experimentKey: 'points-per-answer', variationId: '2' },
      ],
      'points-per-answer=2+streak-bonus=0',
    ],
  ])('%s', (_case, arms, expected) => {
    expect(leagueArmKey(arms)).toBe(expected);
    expect(cohortGroupKey('2026-W48', 'GOLD', leagueArmKey(arms))).toBe(`2026-W48/GOLD/${expected}`);
  });

  it('rejects ids with separators', () => {
    expect(() => leagueArmKey([{ experimentKey: 'a+b', variationId: '1' }])).toThrow(RangeError);
  });
});

describe('league tiers', () => {
  it.each([
    ['BRONZE', null, 'SILVER'],
    ['GOLD', 'SILVER', 'SAPPHIRE'],
    ['DIAMOND', 'OBSIDIAN', null],
  ] as const)('%s sits between %s and %s', (tier, below, above) => {
    expect(leagueTierBelow(tier)).toBe(below);
    expect(leagueTierAbove(tier)).toBe(above);
  });

  it.each([
    [0, 0, 0],
    [1, 0, 0],
    [2, 1, 0],
    [3, 1, 1],
    [6, 3, 2],
    [11, 6, 4],
    [12, 7, 5],
    [30, 7, 5],
  ])('a cohort of %i promotes %i and demotes %i', (members, promote, demote) => {
    expect(leagueSlotsForCohort(members, { cohortSize: 30, promote: 7, demote: 5 })).toEqual({
      promote,
      demote,
    });
  });
});
