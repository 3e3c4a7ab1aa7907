/**
 * Names of the leaderboard sorted sets (before the process's Redis prefix), and back again.
 *
 *   lb:global:all             lb:global:wk:2026-W48
 *   lb:country:NZ:all         lb:country:NZ:wk:2026-W48
 *   lb:class:<uuid>:all       lb:class:<uuid>:wk:2026-W48
 *
 * Members are user ids; scores come from `encodeLeaderboardScore` (points, then who reached them first).
 * Week boards expire a week after their week ends (the previous week stays readable for a week).
 */
import { isoWeekEnd, isoWeekStart, isoWeekKey, isoWeekStartOfKey } from '@peerlift/domain';

export type BoardScope =
  { kind: 'GLOBAL' } | { kind: 'COUNTRY'; country: string } | { kind: 'CLASSROOM'; classroomId: string };
export type BoardPeriod = { kind: 'ALL_TIME' } | { kind: 'WEEK'; weekKey: string };

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** A week board lives until one week after its week ends. */
export const WEEK_BOARD_RETENTION_MS = WEEK_MS;

function scopeParts(scope: BoardScope): string[] {
  switch (scope.kind) {
    case 'GLOBAL':
      return ['global'];
    case 'COUNTRY':
      return ['country', scope.country];
    case 'CLASSROOM':
      return ['class', scope.classroomId];
  }
}

/** Key parts of one board, to pass to `RedisService.key(...)`. */
export function boardKeyParts(scope: BoardScope, period: BoardPeriod): string[] {
  return ['lb', ...scopeParts(scope), ...(period.kind === 'ALL_TIME' ? ['all'] : ['wk', period.weekKey])];
}

/** The inverse of boardKeyParts for a key with its prefix removed; null for anything else (meta keys). */
export function parseBoardKey(unprefixed: string): { scope: BoardScope; period: BoardPeriod } | null {
  const m = /^lb:(?:(global)|country:([A-Z]{2})|class:([0-9a-f-]{36})):(?:(all)|wk:(\d{4}-W\d{2}))$/.exec(
    unprefixed,
  );
  if (!m) return null;
  const scope: BoardScope = m[1]
    ? { kind: 'GLOBAL' }
    : m[2]
      ? { kind: 'COUNTRY', country: m[2] }
      : { kind: 'CLASSROOM', classroomId: m[3] };
  return { scope, period: m[4] ? { kind: 'ALL_TIME' } : { kind: 'WEEK', weekKey: m[5] } };
}

/** Weeks whose boards are kept and recomputed: the current one and the one before it. */
export function retainedWeeks(now: Date): { weekKey: string; start: Date; end: Date }[] {
  const start = isoWeekStart(now);
  const previous = new Date(start.getTime() - WEEK_MS);
  return [
    { weekKey: isoWeekKey(now), start, end: isoWeekEnd(now) },
    { weekKey: isoWeekKey(previous), start: previous, end: start },
  ];
}

/** Unix seconds at which a week board expires. */
export function weekBoardExpiry(weekKey: string): number {
  return Math.floor((isoWeekStartOfKey(weekKey).getTime() + WEEK_MS + WEEK_BOARD_RETENTION_MS) / 1000);
}

/** The scopes named by an outbox `remove_from` entry: 'GLOBAL', 'COUNTRY:NZ', 'CLASSROOM:<uuid>'. */
export function scopeOfToken(token: string): BoardScope | null {
  if (token === 'GLOBAL') return { kind: 'GLOBAL' };
  const [kind, id] = token.split(':', 2);
  if (kind === 'COUNTRY' && id && /^[A-Z]{2}$/.test(id.trim()))
    return { kind: 'COUNTRY', country: id.trim() };
  if (kind === 'CLASSROOM' && id && /^[0-9a-f-]{36}$/.test(id)) return { kind: 'CLASSROOM', classroomId: id };
  return null;
}
