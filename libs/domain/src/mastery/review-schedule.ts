/**
 * When a proficient skill is due for its spaced review.
 *
 * Proficiency must be confirmed at least {@link REVIEW_DELAY_MS} later before a skill is MASTERED (DESIGN §4:
 * "proficiency confirmed by a mixed review at least a day later"). After each passed review the next one
 * is due when the skill is twice as old as now, counted from `proficientAt`: reviews fall due at
 * 1, 2, 4, 8, … days after proficiency (each interval doubles; a late pass earns a longer interval), the
 * expanding schedule of spaced-repetition systems (Leitner 1972; Pimsleur 1967).
 */

/** Smallest gap between reaching PROFICIENT and the review that can make the skill MASTERED: 1 day (ms). */
export const REVIEW_DELAY_MS = 24 * 60 * 60 * 1000;

/**
 * Parses an ISO-8601 timestamp to epoch milliseconds.
 *
 * @throws RangeError if it is not a valid timestamp.
 */
function parseTimestamp(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ISO timestamp: ${iso}`);
  return ms;
}

/** The review due date right after reaching PROFICIENT: `now + REVIEW_DELAY_MS`, as an ISO timestamp. */
export function firstReviewDueAt(now: Date): string {
  return new Date(now.getTime() + REVIEW_DELAY_MS).toISOString();
}

/**
 * The next review due date after a passed review: `now + max(REVIEW_DELAY_MS, now − proficientAt)`, so the
 * skill's age since proficiency doubles between reviews.
 *
 * @param opts.now time of the passed review.
 * @param opts.proficientAt ISO timestamp when the skill last (re)entered PROFICIENT.
 * @returns ISO timestamp of the next review.
 */
export function nextReviewDueAt(opts: { now: Date; proficientAt: string }): string {
  const age = opts.now.getTime() - parseTimestamp(opts.proficientAt);
  return new Date(opts.now.getTime() + Math.max(REVIEW_DELAY_MS, age)).toISOString();
}

/**
 * Whether an attempt at `now` is a review: the skill is PROFICIENT or MASTERED (the caller checks) and
 * `now ≥ reviewDueAt`. A missing due date means no review is scheduled.
 */
export function isReviewDue(reviewDueAt: string | null, now: Date): boolean {
  return reviewDueAt !== null && now.getTime() >= parseTimestamp(reviewDueAt);
}
