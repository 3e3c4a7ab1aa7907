// How a badge tier looks: Khan Academy's rarity scale, most common first. Pure.
import type { BadgeTier } from './graphql/generated';

export interface TierDisplay {
  label: string;
  /** 1 = most common … 5 = rarest. */
  rarity: number;
}

const TIERS: Record<BadgeTier, TierDisplay> = {
  METEORITE: { label: 'Meteorite', rarity: 1 },
  MOON: { label: 'Moon', rarity: 2 },
  EARTH: { label: 'Earth', rarity: 3 },
  SUN: { label: 'Sun', rarity: 4 },
  BLACK_HOLE: { label: 'Black hole', rarity: 5 },
};

export function tierDisplay(tier: BadgeTier): TierDisplay {
  return TIERS[tier];
}

/** The hosted badge image (served by the api beside the Open Badges documents). */
export function badgeImageUrl(slug: string): string {
  return `/badges/images/${encodeURIComponent(slug)}.svg`;
}

/** "3 of 7" progress toward a badge, capped at the target. */
export function badgeProgressText(current: number, target: number): string {
  return `${Math.min(current, target)} of ${target}`;
}
