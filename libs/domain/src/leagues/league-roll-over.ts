/**
 * End-of-week roll-over of one league cohort: who is promoted, who stays, who is demoted.
 *
 * Ranking: points descending; equal points go to whoever reached that total first (`reachedAt` ascending,
 * the same tie rule as the Redis leaderboards); a remaining tie goes to the smaller `userId` so the result
 * never depends on input order.
 *
 * Outcomes, with slots from {@link leagueSlotsForCohort} (rules as written for cohorts of at least
 * promote + demote members, shrunk in proportion below that):
 * - ranks 1 … promote' are PROMOTED, except in the top tier, where they stay;
 * - the last demote' ranks are DEMOTED, except in the entry tier, where they stay;
 * - a learner with zero points (possible only when corrections cancelled their week's points, since a learner
 *   joins a cohort on first points) is never promoted, and is demoted from any rank unless already in the
 *   entry tier: a tier is held by activity, not by sitting in a quiet cohort;
 * - everyone else STAYED.
 * Promotion and demotion slots never overlap, so no learner is both.
 */
import {
  type LeagueRules,
  type LeagueTier,
  DEFAULT_LEAGUE_RULES,
  assertLeagueRules,
  leagueSlotsForCohort,
  leagueTierAbove,
  leagueTierBelow,
} from './league-tiers';

export interface LeagueStanding {
  userId: string;
  /** Points earned this week (whole number ≥ 0). */
  points: number;
  /** When the learner reached `points`. */
  reachedAt: Date;
}

export type LeagueOutcomeKind = 'PROMOTED' | 'STAYED' | 'DEMOTED';

export interface LeagueOutcome {
  userId: string;
  /** 1-based final rank in the cohort. */
  rank: number;
  points: number;
  nextTier: LeagueTier;
  outcome: LeagueOutcomeKind;
}

/** Orders standings best first: points desc, reachedAt asc, userId asc. */
export function rankLeagueStandings(standings: readonly LeagueStanding[]): LeagueStanding[] {
  return [...standings].sort(
    (a, b) =>
      b.points - a.points ||
      a.reachedAt.getTime() - b.reachedAt.getTime() ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

function assertStandings(standings: readonly LeagueStanding[]): void {
  const ids = new Set(standings.map((s) => s.userId));
  if (ids.size !== standings.length) throw new RangeError('a learner appears twice in one cohort');
  for (const s of standings) {
    if (!Number.isInteger(s.points) || s.points < 0 || Number.isNaN(s.reachedAt.getTime())) {
      throw new RangeError(`invalid standing for ${s.userId}`);
    }
  }
}

/**
 * Outcomes for every member of a cohort in `tier`, in final rank order.
 * @param rules defaults to {@link DEFAULT_LEAGUE_RULES} (30 / promote 7 / demote 5)
 * @throws RangeError for duplicate learners, invalid points or dates, or invalid rules
 */
export function rollOverCohort(
  standings: readonly LeagueStanding[],
  tier: LeagueTier,
  rules: LeagueRules = DEFAULT_LEAGUE_RULES,
): LeagueOutcome[] {
  assertLeagueRules(rules);
  assertStandings(standings);
  const ranked = rankLeagueStandings(standings);
  const slots = leagueSlotsForCohort(ranked.length, rules);
  const above = leagueTierAbove(tier);
  const below = leagueTierBelow(tier);

  return ranked.map(({ userId, points }, index) => {
    const rank = index + 1;
    const inPromotionSlot = rank <= slots.promote && points > 0;
    const inDemotionSlot = rank > ranked.length - slots.demote || points === 0;
    if (inPromotionSlot && above) return { userId, rank, points, nextTier: above, outcome: 'PROMOTED' };
    if (inDemotionSlot && below) return { userId, rank, points, nextTier: below, outcome: 'DEMOTED' };
    return { userId, rank, points, nextTier: tier, outcome: 'STAYED' };
  });
}
