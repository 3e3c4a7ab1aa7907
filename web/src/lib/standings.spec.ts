import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { leagueZone, nextTier, tierLabel, tierLevel, timeLeft } from './standings';

describe('leagueZone', () => {
  const cases: Array<[number, number | null, number | null, string]> = [
    [1, 7, 26, 'promotion'],
    [7, 7, 26, 'promotion'],
    [8, 7, 26, 'safe'],
    [26, 7, 26, 'demotion'],
    [30, 7, 26, 'demotion'],
    [1, null, 26, 'safe'],
    [30, 7, null, 'safe'],
  ];
  for (const [rank, up, down, zone] of cases) {
    it(`rank ${rank} with lines ${up}/${down} is ${zone}`, () => assert.equal(leagueZone(rank, up, down), zone));
  }
});

describe('tiers', () => {
  it('labels and orders tiers', () => {
    assert.equal(tierLabel('BRONZE'), 'Bronze');
    assert.equal(tierLevel('DIAMOND'), 10);
    assert.equal(nextTier('BRONZE'), 'SILVER');
    assert.equal(nextTier('DIAMOND'), null);
  });
});

describe('timeLeft', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const cases: Array<[number, string]> = [
    [0, 'less than a minute'],
    [1, '1 minute'],
    [59, '59 minutes'],
    [61, '1 hour 1 minute'],
    [1440, '1 day'],
    [1440 * 2 + 300, '2 days 5 hours'],
  ];
  for (const [minutes, text] of cases) it(`${minutes} min reads "${text}"`, () => assert.equal(timeLeft(after(minutes), now), text));
});
