/**
 * Anti-farming cap: at most {@link POINTS_PER_MINUTE_CAP} answer points per learner per minute.
 *
 * Why 300: a fast honest learner answers a simple problem in about 6 s, 10 a minute, which at 15 points
 * each is 150; the cap leaves twice that before it bites, so only scripted answering is slowed. It is
 * meant for correct-answer points; one-off bonuses and badges are already paid at most once and should
 * not be clipped. The caller keeps the per-minute tally (e.g. a Redis counter keyed by learner and minute).
 */

/** Most answer points one learner can earn in one clock minute (points per minute). */
export const POINTS_PER_MINUTE_CAP = 300;

/** Inputs of {@link capToMinuteBudget}; all in points, finite and ≥ 0. */
export interface MinuteBudgetInput {
  /** Points the learner would earn now. */
  requested: number;
  /** Points already paid to the learner in the current minute. */
  alreadyThisMinute: number;
  /** The per-minute cap, usually {@link POINTS_PER_MINUTE_CAP}. */
  cap: number;
}

/**
 * The part of `requested` that fits in what is left of this minute's budget:
 * `clamp(cap − alreadyThisMinute, 0, requested)`.
 *
 * @returns points to pay now (0 ≤ result ≤ requested).
 * @throws RangeError if an input is negative or not finite.
 */
export function capToMinuteBudget(opts: MinuteBudgetInput): number {
  const { requested, alreadyThisMinute, cap } = opts;
  for (const [name, value] of [
    ['requested', requested],
    ['alreadyThisMinute', alreadyThisMinute],
    ['cap', cap],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  return Math.min(requested, Math.max(0, cap - alreadyThisMinute));
}
