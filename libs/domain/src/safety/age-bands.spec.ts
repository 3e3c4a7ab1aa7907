import {
  AgeBand,
  ageBandForAge,
  ageBandFromBirthYear,
  firstBirthYearOfPossibleMinors,
  mayTutor,
  mayTutorByBirthYear,
  possibleAgeBands,
  possibleAges,
} from './age-bands';

const midYear = new Date('2026-06-15T12:00:00Z');

describe('possibleAges', () => {
  it.each([
    { birthYear: 2010, now: midYear, ages: [15, 16] },
    { birthYear: 2026, now: midYear, ages: [-1, 0] },
    // 2027-01-01 already in UTC+14 while still 2026 in UTC−12: three possible ages.
    { birthYear: 2010, now: new Date('2026-12-31T12:00:00Z'), ages: [15, 16, 17] },
    { birthYear: 2010, now: new Date('2027-01-01T06:00:00Z'), ages: [15, 16, 17] },
  ])('born $birthYear at $now → $ages', ({ birthYear, now, ages }) => {
    expect(possibleAges(birthYear, now)).toEqual(ages);
  });

  it.each([2010.5, Number.NaN, Infinity])('rejects birth year %p', (birthYear) => {
    expect(() => possibleAges(birthYear, midYear)).toThrow(RangeError);
  });

  it('rejects an invalid date', () => {
    expect(() => possibleAges(2000, new Date('nope'))).toThrow(RangeError);
  });
});

describe('ageBandForAge', () => {
  it.each<[number, AgeBand]>([
    [0, 'UNDER_13'],
    [12, 'UNDER_13'],
    [13, 'TEEN'],
    [17, 'TEEN'],
    [18, 'ADULT'],
    [70, 'ADULT'],
  ])('age %i → %s', (age, band) => {
    expect(ageBandForAge(age)).toBe(band);
  });
});

describe('ageBandFromBirthYear (youngest possible band)', () => {
  it.each<[number, AgeBand, AgeBand[]]>([
    [2014, 'UNDER_13', ['UNDER_13']], // 11 or 12
    [2013, 'UNDER_13', ['UNDER_13', 'TEEN']], // 12 or 13: treated as a child
    [2012, 'TEEN', ['TEEN']], // 13 or 14
    [2008, 'TEEN', ['TEEN', 'ADULT']], // 17 or 18: treated as a minor
    [2007, 'ADULT', ['ADULT']], // 18 or 19
  ])('born %i in mid 2026 → %s (possible %j)', (birthYear, youngest, possible) => {
    expect(ageBandFromBirthYear(birthYear, midYear)).toBe(youngest);
    expect(possibleAgeBands(birthYear, midYear)).toEqual(possible);
  });
});

describe('mayTutor', () => {
  const tutor = (ageBand: AgeBand, vetting: 'none' | 'vetted' | 'coach') => ({
    ageBand,
    vetted: vetting === 'vetted',
    verifiedCoach: vetting === 'coach',
  });

  it.each<[AgeBand, 'none' | 'vetted' | 'coach', AgeBand, boolean]>([
    // under-13 users never tutor, whoever the learner is
    ['UNDER_13', 'none', 'UNDER_13', false],
    ['UNDER_13', 'none', 'TEEN', false],
    ['UNDER_13', 'vetted', 'ADULT', false],
    // under-13 learners: verified coaches only
    ['TEEN', 'none', 'UNDER_13', false],
    ['ADULT', 'none', 'UNDER_13', false],
    ['ADULT', 'vetted', 'UNDER_13', false],
    ['ADULT', 'coach', 'UNDER_13', true],
    ['TEEN', 'coach', 'UNDER_13', false], // a "coach" flag on a teen is not an adult coach
    // teen learners: teens, vetted adults, coaches
    ['TEEN', 'none', 'TEEN', true],
    ['ADULT', 'none', 'TEEN', false],
    ['ADULT', 'vetted', 'TEEN', true],
    ['ADULT', 'coach', 'TEEN', true],
    // adult learners: adults only (a teen tutor would be a minor alone with an unvetted adult)
    ['ADULT', 'none', 'ADULT', true],
    ['ADULT', 'vetted', 'ADULT', true],
    ['TEEN', 'none', 'ADULT', false],
    ['TEEN', 'vetted', 'ADULT', false],
  ])('%s tutor (%s) with %s learner → %p', (tutorBand, vetting, learnerBand, allowed) => {
    expect(mayTutor({ tutor: tutor(tutorBand, vetting), learner: { ageBand: learnerBand } })).toBe(allowed);
  });
});

describe('mayTutorByBirthYear (allowed only for every possible age)', () => {
  it.each([
    { case: 'teens, both surely teens', tutor: 2011, learner: 2010, vetted: false, allowed: true },
    {
      case: 'tutor 17 or 18, unvetted, teen learner',
      tutor: 2008,
      learner: 2011,
      vetted: false,
      allowed: false,
    },
    { case: 'tutor 17 or 18, vetted, teen learner', tutor: 2008, learner: 2011, vetted: true, allowed: true },
    { case: 'teen tutor, learner 17 or 18', tutor: 2011, learner: 2008, vetted: false, allowed: false },
    { case: 'vetted adult, learner 17 or 18', tutor: 1990, learner: 2008, vetted: true, allowed: true },
    { case: 'unvetted adult, learner 17 or 18', tutor: 1990, learner: 2008, vetted: false, allowed: false },
    { case: 'adults', tutor: 1990, learner: 2000, vetted: false, allowed: true },
    { case: 'tutor 12 or 13', tutor: 2013, learner: 2011, vetted: false, allowed: false },
    { case: 'learner 12 or 13, vetted adult', tutor: 1990, learner: 2013, vetted: true, allowed: false },
  ])('$case → $allowed', ({ tutor, learner, vetted, allowed }) => {
    const input = {
      tutor: { birthYear: tutor, vetted, verifiedCoach: false },
      learner: { birthYear: learner },
    };
    expect(mayTutorByBirthYear({ ...input, now: midYear })).toBe(allowed);
  });

  it('lets a verified coach tutor a learner who may be 12 or 13', () => {
    const input = {
      tutor: { birthYear: 1985, vetted: false, verifiedCoach: true },
      learner: { birthYear: 2013 },
    };
    expect(mayTutorByBirthYear({ ...input, now: midYear })).toBe(true);
  });
});

describe('firstBirthYearOfPossibleMinors', () => {
  it.each([
    ['mid-year', '2026-06-15T12:00:00Z', 2008],
    ['New Year UTC, still last year at UTC−12', '2027-01-01T05:00:00Z', 2008],
    ['New Year everywhere', '2027-01-01T12:00:00Z', 2009],
    ['New Year’s Eve at UTC+14', '2026-12-31T11:00:00Z', 2008],
  ])('at %s (%s) is %i', (_when, iso, year) => {
    expect(firstBirthYearOfPossibleMinors(new Date(iso))).toBe(year);
  });

  it.each(['2026-06-15T12:00:00Z', '2027-01-01T05:00:00Z', '2027-01-01T12:00:00Z', '2026-12-31T23:59:00Z'])(
    'agrees with ageBandFromBirthYear for every birth year at %s',
    (iso) => {
      const now = new Date(iso);
      for (let year = 1990; year <= 2026; year++) {
        const minor = ageBandFromBirthYear(year, now) !== 'ADULT';
        expect([year, minor]).toEqual([year, year >= firstBirthYearOfPossibleMinors(now)]);
      }
    },
  );

  it('refuses an invalid date', () => {
    expect(() => firstBirthYearOfPossibleMinors(new Date(Number.NaN))).toThrow(RangeError);
  });
});
