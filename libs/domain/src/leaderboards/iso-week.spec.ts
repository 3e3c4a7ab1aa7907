import {
  isoWeek,
  isoWeekEnd,
  isoWeekKey,
  isoWeekStart,
  isoWeekStartOfKey,
  previousIsoWeekKey,
} from './iso-week';

const at = (iso: string) => new Date(iso);

describe('ISO weeks', () => {
  it.each([
    // instant, key, week start (Monday 00:00 UTC)
    ['2026-11-23T00:00:00.000Z', '2026-W48', '2026-11-23'],
    ['2026-11-29T23:59:59.999Z', '2026-W48', '2026-11-23'],
    ['2026-11-30T00:00:00.000Z', '2026-W49', '2026-11-30'],
    ['2026-01-01T12:00:00Z', '2026-W01', '2025-12-29'], // 1 Jan 2026 is a Thursday: week 1
    ['2025-12-29T00:00:00Z', '2026-W01', '2025-12-29'], // December days in next year's week 1
    ['2025-12-28T23:59:59Z', '2025-W52', '2025-12-22'],
    ['2026-12-31T23:59:59Z', '2026-W53', '2026-12-28'], // 2026 has 53 weeks
    ['2027-01-01T00:00:00Z', '2026-W53', '2026-12-28'], // January days in last year's week 53
    ['2027-01-03T23:59:59Z', '2026-W53', '2026-12-28'],
    ['2027-01-04T00:00:00Z', '2027-W01', '2027-01-04'],
    ['2020-12-31T00:00:00Z', '2020-W53', '2020-12-28'], // leap year starting Wednesday: 53 weeks
    ['2021-01-03T12:00:00Z', '2020-W53', '2020-12-28'],
    ['2021-01-04T00:00:00Z', '2021-W01', '2021-01-04'],
    ['2019-12-30T00:00:00Z', '2020-W01', '2019-12-30'],
    ['2024-12-30T00:00:00Z', '2025-W01', '2024-12-30'],
    ['2027-12-31T00:00:00Z', '2027-W52', '2027-12-27'],
  ])('%s is in %s, which starts %s', (instant, key, startDay) => {
    expect(isoWeekKey(at(instant))).toBe(key);
    expect(isoWeekStart(at(instant))).toEqual(at(`${startDay}T00:00:00Z`));
    expect(isoWeekStartOfKey(key)).toEqual(at(`${startDay}T00:00:00Z`));
  });

  it.each([
    ['2026-11-25T15:00:00Z', '2026-11-30T00:00:00Z'],
    ['2026-12-31T23:59:59Z', '2027-01-04T00:00:00Z'],
    ['2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z'],
  ])('the week holding %s ends (exclusive) at %s', (instant, end) => {
    expect(isoWeekEnd(at(instant))).toEqual(at(end));
    expect(isoWeekKey(new Date(at(end).getTime() - 1))).toBe(isoWeekKey(at(instant)));
  });

  it('uses UTC, not the local time zone of the offset written in the input', () => {
    // Monday 01:00 in Kolkata is still Sunday in UTC.
    expect(isoWeekKey(at('2026-11-30T01:00:00+05:30'))).toBe('2026-W48');
  });

  it.each([
    ['2026-11-30T00:00:00Z', '2026-W48'],
    ['2027-01-04T08:00:00Z', '2026-W53'],
    ['2026-01-01T00:00:00Z', '2025-W52'],
  ])('the week before the one holding %s is %s', (instant, key) => {
    expect(previousIsoWeekKey(at(instant))).toBe(key);
  });

  it('numbers weeks 1…52 or 53 with no gaps across 2020–2030', () => {
    let previous = isoWeek(at('2020-01-06T00:00:00Z'));
    for (let t = at('2020-01-13T00:00:00Z').getTime(); t < at('2031-01-01').getTime(); t += 7 * 86_400_000) {
      const current = isoWeek(new Date(t));
      const expected =
        current.year === previous.year
          ? { year: previous.year, week: previous.week + 1 }
          : { year: previous.year + 1, week: 1 };
      expect(current).toEqual(expected);
      if (current.year !== previous.year) expect([52, 53]).toContain(previous.week);
      previous = current;
    }
  });

  it.each(['2025-W53', '2026-W00', '2026-W54', '2026-48', '2026-W8', 'W48-2026'])(
    'rejects the key %s',
    (key) => {
      expect(() => isoWeekStartOfKey(key)).toThrow(RangeError);
    },
  );

  it('rejects an invalid date', () => {
    expect(() => isoWeekKey(new Date('nope'))).toThrow(RangeError);
  });
});
