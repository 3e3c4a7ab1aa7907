import { localDaysBetween, isValidTimeZone, localDay } from './local-day';

describe('localDay', () => {
  it.each([
    // the same instant, 2026-03-10T12:00Z, is already the 11th east of the date line
    { instant: '2026-03-10T12:00:00Z', timeZone: 'Pacific/Auckland', day: '2026-03-11' }, // 01:00 NZDT
    { instant: '2026-03-10T12:00:00Z', timeZone: 'America/Los_Angeles', day: '2026-03-10' }, // 05:00 PDT
    { instant: '2026-03-10T12:00:00Z', timeZone: 'UTC', day: '2026-03-10' },
    { instant: '2026-03-10T12:00:00Z', timeZone: 'Pacific/Kiritimati', day: '2026-03-11' }, // UTC+14
    // local midnight in Los Angeles (PDT, UTC−7)
    { instant: '2026-07-01T06:59:59Z', timeZone: 'America/Los_Angeles', day: '2026-06-30' },
    { instant: '2026-07-01T07:00:00Z', timeZone: 'America/Los_Angeles', day: '2026-07-01' },
    // New York springs forward on 2026-03-08: local midnight moves from 05:00Z to 04:00Z
    { instant: '2026-03-09T03:59:59Z', timeZone: 'America/New_York', day: '2026-03-08' }, // 23:59:59 EDT
    { instant: '2026-03-09T04:00:00Z', timeZone: 'America/New_York', day: '2026-03-09' },
    // New York falls back on 2026-11-01, a 25-hour day
    { instant: '2026-11-01T04:30:00Z', timeZone: 'America/New_York', day: '2026-11-01' }, // 00:30 EDT
    { instant: '2026-11-02T04:30:00Z', timeZone: 'America/New_York', day: '2026-11-01' }, // 23:30 EST
    { instant: '2026-11-02T05:00:00Z', timeZone: 'America/New_York', day: '2026-11-02' },
    // Auckland leaves daylight time on 2026-04-05 (NZDT +13 → NZST +12)
    { instant: '2026-04-05T11:59:59Z', timeZone: 'Pacific/Auckland', day: '2026-04-05' },
    { instant: '2026-04-05T12:00:00Z', timeZone: 'Pacific/Auckland', day: '2026-04-06' },
  ])('$instant in $timeZone is $day', ({ instant, timeZone, day }) => {
    expect(localDay(new Date(instant), timeZone)).toBe(day);
  });

  it('throws RangeError for an unknown zone or an invalid Date', () => {
    expect(() => localDay(new Date('2026-03-10T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDay(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    { tz: 'America/Los_Angeles', valid: true },
    { tz: 'Pacific/Auckland', valid: true },
    { tz: 'UTC', valid: true },
    { tz: 'Europe/Berlin', valid: true },
    { tz: '', valid: false },
    { tz: 'Mars/Olympus_Mons', valid: false },
    { tz: 'Los Angeles', valid: false },
  ])('$tz → $valid', ({ tz, valid }) => {
    expect(isValidTimeZone(tz)).toBe(valid);
  });
});

describe('localDaysBetween', () => {
  it.each([
    { from: '2026-03-10', to: '2026-03-10', days: 0 },
    { from: '2026-03-10', to: '2026-03-11', days: 1 },
    { from: '2026-03-11', to: '2026-03-10', days: -1 },
    { from: '2026-02-28', to: '2026-03-01', days: 1 },
    { from: '2028-02-28', to: '2028-03-01', days: 2 }, // leap year
    { from: '2026-12-31', to: '2027-01-01', days: 1 },
    { from: '2026-03-07', to: '2026-03-09', days: 2 }, // across a DST change: calendar days, not hours
  ])('$from → $to = $days', ({ from, to, days }) => {
    expect(localDaysBetween(from, to)).toBe(days);
  });

  it.each(['2026-3-10', '2026-02-30', 'yesterday'])('rejects %p', (day) => {
    expect(() => localDaysBetween(day, '2026-03-10')).toThrow(RangeError);
  });
});
