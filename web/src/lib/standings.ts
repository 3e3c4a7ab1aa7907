// Leaderboards and leagues in words: zones, tiers, time left. Pure.
import type { LeaderboardPeriod, LeaderboardScope, LeagueTier } from './graphql/generated';

export type LeagueZone = 'promotion' | 'demotion' | 'safe';

/** Ranks 1…promotionRank go up a tier; demotionRank…last go down; null lines mean nobody does. */
export function leagueZone(rank: number, promotionRank: number | null, demotionRank: number | null): LeagueZone {
  if (promotionRank !== null && rank <= promotionRank) return 'promotion';
  if (demotionRank !== null && rank >= demotionRank) return 'demotion';
  return 'safe';
}

const TIER_ORDER: readonly LeagueTier[] = ['BRONZE', 'SILVER', 'GOLD', 'SAPPHIRE', 'RUBY', 'EMERALD', 'AMETHYST', 'PEARL', 'OBSIDIAN', 'DIAMOND'];

export function tierLabel(tier: LeagueTier): string {
  return tier.charAt(0) + tier.slice(1).toLowerCase();
}

/** 1 for Bronze up to 10 for Diamond. */
export function tierLevel(tier: LeagueTier): number {
  return TIER_ORDER.indexOf(tier) + 1;
}

export function nextTier(tier: LeagueTier): LeagueTier | null {
  return TIER_ORDER[TIER_ORDER.indexOf(tier) + 1] ?? null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 days 5 hours", "3 hours 20 minutes", "4 minutes", "less than a minute". */
export function timeLeft(endsAt: Date, now: Date): string {
  const minutes = Math.floor((endsAt.getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}`;
  return plural(minutes, 'minute');
}

export const SCOPE_LABELS: Record<LeaderboardScope, string> = {
  GLOBAL: 'Everyone',
  COUNTRY: 'My country',
  CLASSROOM: 'My class',
};

export const PERIOD_LABELS: Record<LeaderboardPeriod, string> = {
  WEEK: 'This week',
  ALL_TIME: 'All time',
};
