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
 * Hours already worked out for the current UTC minute, by zone. A matching tick asks for every pair of
 * request and tutor — thousands in a burst — while only a handful of zones and one minute are involved, and
 * formatting is the expensive part of a pair's cost. Every zone's offset today is a whole number of minutes,
 * so within one UTC minute the hour is the same in each zone. Bounded: cleared when the minute changes.
 */
const hourThisMinute = new Map<string, number | null>();
let memoMinute = Number.NaN;

/**
 * The hour (0–23) at `now` in the IANA time zone `timeZone`, or null when the zone is unknown or `now` is
 * not a valid date.
 */
export function tutorLocalHour(timeZone: string, now: Date): number | null {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) return null;
  const minute = Math.floor(ms / 60_000);
  if (minute !== memoMinute) {
    memoMinute = minute;
    hourThisMinute.clear();
  }
  let hour = hourThisMinute.get(timeZone);
  if (hour === undefined) {
    const formatter = hourFormatter(timeZone);
    const part = formatter?.formatToParts(now).find((p) => p.type === 'hour');
    hour = part ? Number(part.value) % 24 : null;
    hourThisMinute.set(timeZone, hour);
  }
  return hour;
}

/** Late night on the tutor's clock: from 22:00 up to 07:00. */
export const LATE_NIGHT = Object.freeze({ fromHour: 22, untilHour: 7 });

/** Whether `hour` (0–23) falls in {@link LATE_NIGHT}. */
export function isLateNight(hour: number): boolean {
  return hour >= LATE_NIGHT.fromHour || hour < LATE_NIGHT.untilHour;
}
