/**
 * Age bands from a birth year, and the age rule for who may tutor whom.
 *
 * We store the birth year only (DESIGN.md §4 Privacy), so a person's exact age is never known: in calendar
 * year Y someone born in year B is Y − B − 1 before their birthday and Y − B after it. We do not know the
 * user's time zone here either, so "calendar year Y" is every year that is current somewhere on Earth at
 * `now` (UTC offsets run from −12 h to +14 h). Every check below is taken in its safe direction:
 *
 * - {@link ageBandFromBirthYear} gives the *youngest* band the person can be in. Use it for "is this a
 *   minor?" / "is this a child?" questions (masking contact details, defaults, privacy): a 17-or-18 is
 *   treated as a minor, a 12-or-13 as under 13.
 * - {@link mayTutorByBirthYear} allows a pairing only if {@link mayTutor} allows it for *every* age the two
 *   people can have. So a 17-or-18 tutor counts as an adult who must be vetted before tutoring a minor, and a
 *   17-or-18 learner is only matched with vetted adults (they might be a minor, and they might be an
 *   unvetted adult next to a teen tutor).
 */

/** UNDER_13: 0–12 years; TEEN: 13–17; ADULT: 18 and over. */
export type AgeBand = 'UNDER_13' | 'TEEN' | 'ADULT';

/** Youngest age (whole years) at which a user counts as a teen: COPPA protects children under 13. */
export const TEEN_MIN_AGE = 13;
/** Age of majority (whole years) used for "adult". */
export const ADULT_MIN_AGE = 18;

const HOUR_MS = 3_600_000;
/** Furthest any time zone is behind UTC (UTC−12) and ahead of it (UTC+14), in hours. */
const UTC_OFFSET_RANGE_HOURS = { behind: 12, ahead: 14 } as const;

/** The band for an exact age in whole years. */
export function ageBandForAge(ageYears: number): AgeBand {
  if (ageYears < TEEN_MIN_AGE) return 'UNDER_13';
  if (ageYears < ADULT_MIN_AGE) return 'TEEN';
  return 'ADULT';
}

/**
 * Every age (whole years) a person born in `birthYear` can have at `now`, youngest first: from "birthday not
 * yet come in the earliest current calendar year" to "birthday passed in the latest current calendar year".
 *
 * @throws RangeError when `birthYear` is not an integer or `now` is not a valid date.
 */
export function possibleAges(birthYear: number, now: Date): number[] {
  if (!Number.isInteger(birthYear)) throw new RangeError(`birthYear must be an integer, got ${birthYear}`);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');
  const earliestYear = new Date(nowMs - UTC_OFFSET_RANGE_HOURS.behind * HOUR_MS).getUTCFullYear();
  const latestYear = new Date(nowMs + UTC_OFFSET_RANGE_HOURS.ahead * HOUR_MS).getUTCFullYear();
  const ages: number[] = [];
  for (let age = earliestYear - birthYear - 1; age <= latestYear - birthYear; age += 1) ages.push(age);
  return ages;
}

/** The distinct bands a person born in `birthYear` can be in at `now`, youngest first. */
export function possibleAgeBands(birthYear: number, now: Date): AgeBand[] {
  return [...new Set(possibleAges(birthYear, now).map(ageBandForAge))];
}

/**
 * The youngest band a person born in `birthYear` can be in at `now` (lower bound of their age) — the safe
 * answer for "is this person a minor / under 13?". Not the safe answer for "is this person an adult who must
 * be vetted?": for matching use {@link mayTutorByBirthYear}.
 *
 * @throws RangeError when `birthYear` is not an integer or `now` is not a valid date.
 */
export function ageBandFromBirthYear(birthYear: number, now: Date): AgeBand {
  return ageBandForAge(possibleAges(birthYear, now)[0]);
}

/**
 * The earliest birth year whose people may be minors at `now`: {@link ageBandFromBirthYear} says "not an
 * adult" exactly for birth years from this one on. For stores that hold only birth years (SQL compares
 * `birth_year >= this`), so the rule itself stays here.
 */
export function firstBirthYearOfPossibleMinors(now: Date): number {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');
  // The youngest possible age is counted in the earliest current calendar year (see possibleAges).
  return new Date(nowMs - UTC_OFFSET_RANGE_HOURS.behind * HOUR_MS).getUTCFullYear() - ADULT_MIN_AGE;
}

export interface TutorAgeFacts {
  ageBand: AgeBand;
  /** Passed our adult-volunteer vetting (identity and background check, safety training). */
  vetted: boolean;
  /** A coach (teacher or parent) whose identity we have verified; always counts as vetted. */
  verifiedCoach: boolean;
}

export interface AgeRuleInput {
  tutor: TutorAgeFacts;
  learner: { ageBand: AgeBand };
}

/**
 * Whether the age rule allows `tutor` to tutor `learner` (DESIGN.md §4 Help and matching):
 *
 * - under-13 users never tutor: tutoring means chatting one-to-one with strangers, which we do not offer to
 *   children (COPPA; Schoolhouse.world is 13+ for the same reason);
 * - an under-13 learner is matched only with a verified coach (who must be an adult);
 * - a teen learner with a teen tutor, or with a vetted adult (a verified coach counts as vetted);
 * - an adult learner with an adult tutor. Learners carry no vetting, so an adult learner is an unvetted
 *   adult and is never matched with a teen tutor (minors are never matched with unvetted adults, either way).
 */
export function mayTutor({ tutor, learner }: AgeRuleInput): boolean {
  if (tutor.ageBand === 'UNDER_13') return false;
  const tutorIsVettedAdult = tutor.ageBand === 'ADULT' && (tutor.vetted || tutor.verifiedCoach);
  switch (learner.ageBand) {
    case 'UNDER_13':
      return tutor.ageBand === 'ADULT' && tutor.verifiedCoach;
    case 'TEEN':
      return tutor.ageBand === 'TEEN' || tutorIsVettedAdult;
    case 'ADULT':
      return tutor.ageBand === 'ADULT';
  }
}

export interface AgeRuleByBirthYearInput {
  tutor: { birthYear: number; vetted: boolean; verifiedCoach: boolean };
  learner: { birthYear: number };
  now: Date;
}

/**
 * {@link mayTutor} for people known only by birth year: allowed only when it is allowed for every
 * combination of ages the two can have at `now` (see the file header).
 *
 * @throws RangeError when a birth year is not an integer or `now` is not a valid date.
 */
export function mayTutorByBirthYear({ tutor, learner, now }: AgeRuleByBirthYearInput): boolean {
  const tutorBands = possibleAgeBands(tutor.birthYear, now);
  const learnerBands = possibleAgeBands(learner.birthYear, now);
  return tutorBands.every((tutorBand) =>
    learnerBands.every((learnerBand) =>
      mayTutor({
        tutor: { ageBand: tutorBand, vetted: tutor.vetted, verifiedCoach: tutor.verifiedCoach },
        learner: { ageBand: learnerBand },
      }),
    ),
  );
}
