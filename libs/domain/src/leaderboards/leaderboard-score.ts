/**
 * Packs (points, reachedAt) into one Redis sorted-set score so that `ZREVRANGE` ranks by points, highest
 * first, and among equal points puts whoever reached that total FIRST on top.
 *
 *   score = points · 2^31 + (2^31 − 1 − t),   t = whole seconds from LEADERBOARD_EPOCH to reachedAt
 *
 * Why it is exact: Redis keeps scores as IEEE-754 doubles, which hold every integer below 2^53 exactly
 * (53-bit significand). With points ≤ 2^22 − 1 and 0 ≤ t ≤ 2^31 − 1 the score is at most
 * (2^22 − 1)·2^31 + 2^31 − 1 = 2^53 − 1, so encode → ZADD → ZSCORE → decode round-trips with no rounding,
 * and Redis prints such integers in full (it formats scores with 17 significant digits).
 *
 * Ordering: for points p > q, p·2^31 ≥ q·2^31 + 2^31 > any score with q points, so points dominate; for
 * equal points the tie-breaker 2^31 − 1 − t is larger for the earlier time. Two learners reaching the same
 * total in the same second tie exactly; Redis then orders them by member (reverse lexicographic in ZREVRANGE).
 *
 * Limits (checked; out of range throws RangeError so a breach is loud rather than a silent mis-rank):
 * - points: whole numbers 0 … 4,194,303 (2^22 − 1). At ~15 points a correct answer that is ~280k correct
 *   answers for one learner; the all-time board would need minute resolution (or a secondary key) beyond it.
 * - reachedAt: LEADERBOARD_EPOCH (2025-01-01T00:00:00Z, before any Peerlift data) … 2093-01-19T03:14:07Z
 *   (epoch + 2^31 − 1 s). Sub-second parts are truncated.
 *
 * Updating a member: the new score depends on the new total and the time it was reached, so services write
 * it with ZADD (not ZINCRBY on the raw delta). {@link decodeLeaderboardReachedAt} recovers the time.
 */

/** Start of the tie-break clock: 2025-01-01T00:00:00Z. Never change it once boards exist. */
export const LEADERBOARD_EPOCH = new Date(Date.UTC(2025, 0, 1));
/** Bits holding the tie-break seconds. */
export const LEADERBOARD_TIME_BITS = 31;
const TIME_SPAN = 2 ** LEADERBOARD_TIME_BITS;
/** Largest tie-break value: seconds from the epoch to the last encodable instant. */
export const LEADERBOARD_MAX_SECONDS = TIME_SPAN - 1;
/** Largest encodable points total: 2^22 − 1 = 4,194,303. */
export const LEADERBOARD_MAX_POINTS = 2 ** (53 - LEADERBOARD_TIME_BITS) - 1;
/** Last instant that can be encoded: 2093-01-19T03:14:07Z. */
export const LEADERBOARD_LAST_INSTANT = new Date(
  LEADERBOARD_EPOCH.getTime() + LEADERBOARD_MAX_SECONDS * 1000,
);

/**
 * Score for a member with `points` reached at `reachedAt`; higher is better in `ZREVRANGE`.
 * @param points whole points, 0 … {@link LEADERBOARD_MAX_POINTS}
 * @param reachedAt when the member reached this total (the ledger entry's time)
 * @throws RangeError outside the documented limits
 */
export function encodeLeaderboardScore(points: number, reachedAt: Date): number {
  if (!Number.isInteger(points) || points < 0 || points > LEADERBOARD_MAX_POINTS) {
    throw new RangeError(
      `leaderboard points must be an integer in 0…${LEADERBOARD_MAX_POINTS}, got ${points}`,
    );
  }
  const seconds = Math.floor((reachedAt.getTime() - LEADERBOARD_EPOCH.getTime()) / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > LEADERBOARD_MAX_SECONDS) {
    throw new RangeError(
      `leaderboard time must be within ${LEADERBOARD_EPOCH.toISOString()}…${LEADERBOARD_LAST_INSTANT.toISOString()}`,
    );
  }
  return points * TIME_SPAN + (LEADERBOARD_MAX_SECONDS - seconds);
}

function assertEncodedScore(score: number): void {
  if (!Number.isSafeInteger(score) || score < 0) {
    throw new RangeError(`not an encoded leaderboard score: ${score}`);
  }
}

/** The points total packed into a score from {@link encodeLeaderboardScore}. */
export function decodeLeaderboardPoints(score: number): number {
  assertEncodedScore(score);
  return Math.floor(score / TIME_SPAN);
}

/** The instant (whole seconds) packed into a score from {@link encodeLeaderboardScore}. */
export function decodeLeaderboardReachedAt(score: number): Date {
  assertEncodedScore(score);
  const seconds = LEADERBOARD_MAX_SECONDS - (score % TIME_SPAN);
  return new Date(LEADERBOARD_EPOCH.getTime() + seconds * 1000);
}
