import { boardKeyParts, parseBoardKey, retainedWeeks, scopeOfToken, weekBoardExpiry } from './board-keys';

describe('board keys', () => {
  it.each([
    [{ kind: 'GLOBAL' } as const, { kind: 'ALL_TIME' } as const, 'lb:global:all'],
    [
      { kind: 'COUNTRY', country: 'NZ' } as const,
      { kind: 'WEEK', weekKey: '2026-W48' } as const,
      'lb:country:NZ:wk:2026-W48',
    ],
    [
      { kind: 'CLASSROOM', classroomId: '7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90' } as const,
      { kind: 'ALL_TIME' } as const,
      'lb:class:7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90:all',
    ],
  ])('names %j %j as %s and parses it back', (scope, period, key) => {
    expect(boardKeyParts(scope, period).join(':')).toBe(key);
    expect(parseBoardKey(key)).toEqual({ scope, period });
  });

  it.each(['lb:meta:built', 'lb:global:wk:2026-48', 'lb:country:nz:all', 'other:global:all'])(
    'does not parse %s',
    (key) => {
      expect(parseBoardKey(key)).toBeNull();
    },
  );

  it('keeps this week and the one before, and lets a week board live one week past its end', () => {
    const weeks = retainedWeeks(new Date('2026-11-25T12:00:00Z'));
    expect(weeks.map((w) => w.weekKey)).toEqual(['2026-W48', '2026-W47']);
    expect(weeks[0].start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weeks[1].end.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(weekBoardExpiry('2026-W48') * 1000).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it.each([
    ['GLOBAL', { kind: 'GLOBAL' }],
    ['COUNTRY:NZ', { kind: 'COUNTRY', country: 'NZ' }],
    [
      'CLASSROOM:7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90',
      { kind: 'CLASSROOM', classroomId: '7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90' },
    ],
    ['COUNTRY:', null],
    ['CLASSROOM:../x', null],
    ['PLANET:MARS', null],
  ])('reads the removal token %s', (token, scope) => {
    expect(scopeOfToken(token)).toEqual(scope);
  });
});
