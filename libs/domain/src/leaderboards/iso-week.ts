/**
 * ISO 8601 weeks in UTC, for weekly leaderboards and league periods.
 *
 * Weeks start Monday 00:00:00.000 UTC (Duolingo's reset time too). Week 1 of an ISO week-year is the week
 * holding that year's first Thursday (equivalently, 4 January), so the days around New Year may belong to
 * the neighbouring week-year: 2021-01-03 is in 2020-W53, and 2019-12-30 in 2020-W01. Years whose 1 January
 * is a Thursday (or a Wednesday in a leap year) have 53 weeks.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const KEY_PATTERN = /^(\d{4})-W(\d{2})$/;

/**
 * Monday 00:00 UTC of the ISO week containing `now`.
 * @throws RangeError for an invalid Date
 */
export function isoWeekStart(now: Date): Date {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid date');
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

/** Exclusive end of the ISO week containing `now`: the next Monday 00:00 UTC. A week is `[start, end)`. */
export function isoWeekEnd(now: Date): Date {
  return new Date(isoWeekStart(now).getTime() + WEEK_MS);
}

/** Monday 00:00 UTC of week 1 of ISO week-year `year` (the Monday on or before 4 January). */
function firstWeekStart(year: number): Date {
  return isoWeekStart(new Date(Date.UTC(year, 0, 4)));
}

/** The ISO week-year and week number (1…53) containing `now`. */
export function isoWeek(now: Date): { year: number; week: number } {
  const start = isoWeekStart(now);
  // The Thursday of a week decides its week-year.
  const year = new Date(start.getTime() + 3 * DAY_MS).getUTCFullYear();
  const week = Math.round((start.getTime() - firstWeekStart(year).getTime()) / WEEK_MS) + 1;
  return { year, week };
}

/** Key of the ISO week containing `now`, e.g. `'2026-W48'` (week zero-padded to two digits). */
export function isoWeekKey(now: Date): string {
  const { year, week } = isoWeek(now);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Monday 00:00 UTC of the week named by `key` (the inverse of {@link isoWeekKey}).
 * @throws RangeError for a malformed key or a week the year does not have (e.g. `'2025-W53'`)
 */
export function isoWeekStartOfKey(key: string): Date {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new RangeError(`not an ISO week key: ${key}`);
  const start = new Date(firstWeekStart(Number(match[1])).getTime() + (Number(match[2]) - 1) * WEEK_MS);
  if (isoWeekKey(start) !== key) throw new RangeError(`no such ISO week: ${key}`);
  return start;
}

/** Key of the week before the one containing `now` — the week a Monday roll-over job closes. */
export function previousIsoWeekKey(now: Date): string {
  return isoWeekKey(new Date(isoWeekStart(now).getTime() - WEEK_MS));
}
