/**
 * Which badges a learner has just earned, and how close they are to the rest.
 *
 * Awarding is at most once per learner and badge (a unique constraint in Postgres); these functions only
 * decide, from a stats snapshot and the set already awarded, so a retried answer or a re-run worker job
 * proposes nothing twice once the first award is committed.
 */
import { type Badge, type BadgeCheck, type LearnerBadgeStats } from './badge';
import { BADGES } from './badge-catalogue';

/**
 * Badges of the given check kind that `stats` satisfies and that are not in `alreadyEarned`, in catalogue
 * order. The api calls it with `'ANSWER'` inside the answer transaction; the worker with `'AGGREGATE'`.
 *
 * @param alreadyEarned slugs the learner already holds
 * @param catalogue defaults to {@link BADGES}; tests may pass a smaller one
 */
export function badgesNewlyEarned(
  stats: LearnerBadgeStats,
  alreadyEarned: ReadonlySet<string>,
  check: BadgeCheck,
  catalogue: readonly Badge[] = BADGES,
): Badge[] {
  return catalogue.filter(
    (badge) => badge.check === check && !alreadyEarned.has(badge.slug) && badge.earned(stats),
  );
}

export interface BadgeProgressEntry {
  slug: string;
  /** True only when the badge has been awarded (is in `alreadyEarned`). */
  earned: boolean;
  /** Whole number, clamped to `target`; equals `target` when earned. */
  current: number;
  target: number;
}

/**
 * Progress on every badge in catalogue order. An awarded badge shows as complete even if the stats have
 * since dropped (for example a daily streak that broke): badges are never taken back. A badge whose
 * predicate holds but which the worker has not awarded yet shows `current === target` with `earned: false`.
 */
export function badgeProgress(
  stats: LearnerBadgeStats,
  alreadyEarned: ReadonlySet<string>,
  catalogue: readonly Badge[] = BADGES,
): BadgeProgressEntry[] {
  return catalogue.map((badge) => {
    const { current, target } = badge.progress(stats);
    const earned = alreadyEarned.has(badge.slug);
    return { slug: badge.slug, earned, current: earned ? target : current, target };
  });
}
