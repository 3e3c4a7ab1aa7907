/**
 * The wait a learner is shown while in line for help (DESIGN.md §4: "position, tutors online and an
 * estimated wait").
 *
 * Model: matches happen as a Poisson process at the rate λ seen recently, and requests are served in line
 * order, so the learner at position k waits for the k-th match. The k-th arrival of a Poisson process of
 * rate λ has an Erlang(k, λ) distribution with mean k / λ. When nothing was matched recently but tutors are
 * online, λ falls back to what the online tutors could take if each freed up once per typical session.
 * The result never goes below a floor: one matching tick plus the time a tutor takes to accept an offer.
 */

/** Floor of any estimate (s): a matching tick plus a tutor reading and accepting the offer. */
export const MIN_WAIT_SECONDS = 10;
/** Typical tutoring session (min), used for the fallback rate: tutorsOnline / TYPICAL_SESSION_MINUTES. */
export const TYPICAL_SESSION_MINUTES = 15;

export interface WaitEstimateInput {
  /** The learner's place in line for their skill, 1 = next to be served. */
  position: number;
  /** Tutors online who could take the request (eligible or not yet filtered). */
  tutorsOnline: number;
  /** Matches made per minute over a recent window (matches/min), e.g. the last 15 minutes. */
  recentMatchRatePerMinute: number;
}

/**
 * Expected wait in whole seconds (rounded up) for the learner at `position`, or null when no tutor is online
 * (no honest estimate exists; the UI says so instead).
 *
 * @throws RangeError when `position` is not a positive integer or `tutorsOnline` is negative or not an integer.
 */
export function estimateWaitSeconds({
  position,
  tutorsOnline,
  recentMatchRatePerMinute,
}: WaitEstimateInput): number | null {
  if (!Number.isInteger(position) || position < 1)
    throw new RangeError(`position must be ≥ 1, got ${position}`);
  if (!Number.isInteger(tutorsOnline) || tutorsOnline < 0) {
    throw new RangeError(`tutorsOnline must be a whole number ≥ 0, got ${tutorsOnline}`);
  }
  if (tutorsOnline === 0) return null;
  const observed = Number.isFinite(recentMatchRatePerMinute) ? recentMatchRatePerMinute : 0;
  const ratePerMinute = observed > 0 ? observed : tutorsOnline / TYPICAL_SESSION_MINUTES;
  return Math.max(MIN_WAIT_SECONDS, Math.ceil((position / ratePerMinute) * 60));
}
