/**
 * Weekly league tiers and the size/promotion rules of a cohort, modelled on Duolingo's leagues: ten tiers,
 * cohorts of 30, the week resetting Monday 00:00 UTC, the top ranks promoted and the bottom ranks demoted
 * (Duolingo promotes 7–20 and demotes ~5–7 depending on tier; see /work/shared/FIELD-NOTES.md).
 */

/** League tiers from the entry tier (index 0) to the top tier. */
export const LEAGUE_TIERS = [
  'BRONZE',
  'SILVER',
  'GOLD',
  'SAPPHIRE',
  'RUBY',
  'EMERALD',
  'AMETHYST',
  'PEARL',
  'OBSIDIAN',
  'DIAMOND',
] as const;
export type LeagueTier = (typeof LEAGUE_TIERS)[number];

/** The tier every learner starts in. */
export const ENTRY_LEAGUE_TIER: LeagueTier = LEAGUE_TIERS[0];

/** Position of a tier: 0 for BRONZE … 9 for DIAMOND. */
export function leagueTierRank(tier: LeagueTier): number {
  return LEAGUE_TIERS.indexOf(tier);
}

/** The next tier up, or `null` at the top tier. */
export function leagueTierAbove(tier: LeagueTier): LeagueTier | null {
  return LEAGUE_TIERS[leagueTierRank(tier) + 1] ?? null;
}

/** The next tier down, or `null` at the entry tier. */
export function leagueTierBelow(tier: LeagueTier): LeagueTier | null {
  const rank = leagueTierRank(tier);
  return rank > 0 ? LEAGUE_TIERS[rank - 1] : null;
}

/**
 * How a cohort is filled and rolled over. One rule set may be used for every tier, or the caller may pass a
 * different one per tier (Duolingo promotes more from low tiers).
 */
export interface LeagueRules {
  /** Most learners in one cohort. */
  cohortSize: number;
  /** Ranks promoted from a full cohort (1 … promote). */
  promote: number;
  /** Ranks demoted from a full cohort (the last `demote`). */
  demote: number;
}

export const DEFAULT_LEAGUE_RULES: Readonly<LeagueRules> = Object.freeze({
  cohortSize: 30,
  promote: 7,
  demote: 5,
});

/**
 * Throws unless the rules are whole numbers with cohortSize ≥ 1, promote, demote ≥ 0 and
 * promote + demote ≤ cohortSize (so a full cohort never has a learner both promoted and demoted).
 */
export function assertLeagueRules(rules: LeagueRules): void {
  const { cohortSize, promote, demote } = rules;
  const whole = [cohortSize, promote, demote].every((n) => Number.isInteger(n) && n >= 0);
  if (!whole || cohortSize < 1 || promote + demote > cohortSize) {
    throw new RangeError(`invalid league rules: ${JSON.stringify(rules)}`);
  }
}

/**
 * Promotion and demotion slots for a cohort of `members` learners.
 *
 * A cohort with at least promote + demote members uses the rules as written. A smaller one — a cohort opened
 * late in the week stays small — shares its members out in proportion, rounding both down:
 *   promote' = ⌊n · promote / (promote + demote)⌋,  demote' = ⌊n · demote / (promote + demote)⌋,
 * so promote' + demote' ≤ n and nobody is both promoted and demoted. With 7/5: n = 1 → 0/0 (a lone learner
 * stays), n = 2 → 1/0, n = 3 → 1/1, n = 6 → 3/2, n = 11 → 6/4, n ≥ 12 → 7/5.
 */
export function leagueSlotsForCohort(
  members: number,
  rules: LeagueRules,
): { promote: number; demote: number } {
  const { promote, demote } = rules;
  if (members >= promote + demote) return { promote, demote };
  const total = promote + demote;
  return { promote: Math.floor((members * promote) / total), demote: Math.floor((members * demote) / total) };
}
