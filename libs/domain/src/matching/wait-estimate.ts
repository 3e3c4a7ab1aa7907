/**
 * The wait a learner is shown while in line for help (DESIGN.md §4: "position, tutors online and an
 * estimated wait").
 *
 * Model: requests are served in line order. The first `freeTutors` in line get an offer at the next
 * matching tick, so they wait only for the floor: one tick plus the time a tutor takes to accept. Beyond
 * them, a learner at position k waits for the (k − freeTutors)-th tutor to free up; matches happen as a
 * Poisson process at the rate λ seen recently, and the n-th arrival of a Poisson process of rate λ has an
 * Erlang(n, λ) distribution with mean n / λ. When nothing was matched recently, λ falls back to what the busy
 * tutors could take if each freed up once per typical session (all online tutors when none is busy).
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
  /** Of those, how many are free right now (in no session and deciding on no offer). */
  freeTutors: number;
  /** Matches made per minute over a recent window (matches/min), e.g. the last 15 minutes. */
  recentMatchRatePerMinute: number;
}

/**
 * Expected wait in whole seconds (rounded up) for the learner at `position`, or null when no tutor is online
 * (no honest estimate exists; the UI says so instead).
 *
 * @throws RangeError when `position` is not a positive integer, or `tutorsOnline` or `freeTutors` is negative
 * or not an integer. (`freeTutors` above `tutorsOnline` — two counts read a moment apart — counts as all free.)
 */
export function estimateWaitSeconds({
  position,
  tutorsOnline,
  freeTutors,
  recentMatchRatePerMinute,
}: WaitEstimateInput): number | null {
  if (!Number.isInteger(position) || position < 1)
    throw new RangeError(`position must be ≥ 1, got ${position}`);
  for (const [name, n] of [
    ['tutorsOnline', tutorsOnline],
    ['freeTutors', freeTutors],
  ] as const) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`);
  }
  if (tutorsOnline === 0) return null;
  const free = Math.min(freeTutors, tutorsOnline);
  const aheadOfMe = position - free;
  if (aheadOfMe <= 0) return MIN_WAIT_SECONDS;
  const busy = tutorsOnline - free;
  const observed = Number.isFinite(recentMatchRatePerMinute) ? recentMatchRatePerMinute : 0;
  const ratePerMinute = observed > 0 ? observed : (busy || tutorsOnline) / TYPICAL_SESSION_MINUTES;
  return Math.max(MIN_WAIT_SECONDS, Math.ceil((aheadOfMe / ratePerMinute) * 60));
}
