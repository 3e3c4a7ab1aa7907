/**
 * Calendar days in a learner's own IANA time zone, with the built-in `Intl.DateTimeFormat` (the tz
 * database bundled with Node's ICU), so DST changes and zones like Pacific/Auckland need no library.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

// Building a DateTimeFormat is costly (~tens of µs) and submitAnswer calls this on every answer; formatters
// are immutable, so caching one per zone keeps the functions pure in effect.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar day of an instant in a time zone.
 *
 * @param now the instant.
 * @param timeZone an IANA zone name, e.g. 'Pacific/Auckland' (case-insensitive, as Intl accepts it).
 * @returns the local day as 'YYYY-MM-DD'.
 * @throws RangeError for an unknown zone or an invalid Date (callers validate zones at sign-up).
 */
export function localDay(now: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Whether `tz` is a time zone `Intl` knows (IANA names such as 'America/Los_Angeles', or 'UTC'). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * Days from local day `from` to local day `to` ('YYYY-MM-DD' each): 1 for consecutive days, 0 for the same
 * day, negative when `to` is earlier. Calendar arithmetic in UTC, so every day is exactly 24 h long here.
 *
 * @throws RangeError if a day is not 'YYYY-MM-DD'.
 */
export function localDaysBetween(from: string, to: string): number {
  return (dayNumber(to) - dayNumber(from)) / MS_PER_DAY;
}

function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`Not a 'YYYY-MM-DD' day: ${day}`);
  }
  return ms;
}
