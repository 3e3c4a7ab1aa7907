import {
  decodeLeaderboardPoints,
  decodeLeaderboardReachedAt,
  LEADERBOARD_MAX_POINTS,
} from '@peerlift/domain';
import { boardsOfScope, placementsOf, type LearnerBoardFacts } from './board-placements';

const reached = new Date('2026-11-24T09:30:00Z');
const facts = (overrides: Partial<LearnerBoardFacts> = {}): LearnerBoardFacts => ({
  userId: 'u1',
  country: 'NZ',
  classroomIds: ['c1'],
  allTime: { points: 500, reachedAt: reached },
  weeks: [
    { weekKey: '2026-W48', points: 40, reachedAt: reached },
    { weekKey: '2026-W47', points: 0, reachedAt: null },
  ],
  ...overrides,
});

describe('placementsOf', () => {
  it('puts a learner on every scope for all time and each week with points', () => {
    const keys = placementsOf(facts()).map((p) => p.keyParts.join(':'));
    expect(keys).toEqual([
      'lb:global:all',
      'lb:global:wk:2026-W48',
      'lb:country:NZ:all',
      'lb:country:NZ:wk:2026-W48',
      'lb:class:c1:all',
      'lb:class:c1:wk:2026-W48',
    ]);
  });

  it('scores the ledger sum and the time it was reached, and tags week boards for expiry', () => {
    const [all, week] = placementsOf(facts());
    expect(decodeLeaderboardPoints(all.score)).toBe(500);
    expect(decodeLeaderboardReachedAt(all.score)).toEqual(reached);
    expect(all.weekKey).toBeNull();
    expect(decodeLeaderboardPoints(week.score)).toBe(40);
    expect(week.weekKey).toBe('2026-W48');
  });

  it('places nobody without points', () => {
    expect(placementsOf(facts({ allTime: { points: 0, reachedAt: null }, weeks: [] }))).toEqual([]);
  });

  it('holds an enormous total at the largest encodable score instead of failing', () => {
    const [all] = placementsOf(
      facts({ allTime: { points: LEADERBOARD_MAX_POINTS + 10, reachedAt: reached } }),
    );
    expect(decodeLeaderboardPoints(all.score)).toBe(LEADERBOARD_MAX_POINTS);
  });
});

describe('boardsOfScope', () => {
  it('lists the all-time board and each retained week of a scope', () => {
    expect(
      boardsOfScope({ kind: 'COUNTRY', country: 'FJ' }, ['2026-W48', '2026-W47']).map((p) => p.join(':')),
    ).toEqual(['lb:country:FJ:all', 'lb:country:FJ:wk:2026-W48', 'lb:country:FJ:wk:2026-W47']);
  });
});
