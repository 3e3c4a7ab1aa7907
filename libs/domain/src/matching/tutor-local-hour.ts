/**
 * The hour of day on a tutor's clock, for the late-night penalty in the matching cost.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** One formatter per time zone, memoised: building an Intl.DateTimeFormat is far slower than using one. */
function hourFormatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null;
    try {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    } catch {
      formatter = null; // RangeError: not an IANA time zone this runtime knows
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone) ?? null;
}

/**
 * The hour (0–23) at `now` in the IANA time zone `timeZone`, or null when the zone is unknown or `now` is
 * not a valid date.
 */
export function tutorLocalHour(timeZone: string, now: Date): number | null {
  if (!Number.isFinite(now.getTime())) return null;
  const formatter = hourFormatter(timeZone);
  if (!formatter) return null;
  const hour = formatter.formatToParts(now).find((part) => part.type === 'hour');
  return hour ? Number(hour.value) % 24 : null;
}

/** Late night on the tutor's clock: from 22:00 up to 07:00. */
export const LATE_NIGHT = Object.freeze({ fromHour: 22, untilHour: 7 });

/** Whether `hour` (0–23) falls in {@link LATE_NIGHT}. */
export function isLateNight(hour: number): boolean {
  return hour >= LATE_NIGHT.fromHour || hour < LATE_NIGHT.untilHour;
}
