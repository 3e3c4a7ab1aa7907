/**
 * A small SVG for each badge, so every BadgeClass `image` URL (`/badges/images/:slug.svg`) resolves:
 * a circle coloured by tier with the badge's initials. Served as `image/svg+xml`. Colours are chosen so the
 * initials keep at least 4.5:1 contrast against the fill (WCAG AA for text).
 */
import { type Badge, type BadgeTier } from '../badges/badge';

/** Fill, ring and text colour per tier; rarity reads from stone → silver → blue-green → gold → void. */
export const BADGE_TIER_COLOURS: Readonly<Record<BadgeTier, { fill: string; ring: string; text: string }>> = {
  METEORITE: { fill: '#6d5d50', ring: '#4a3f36', text: '#ffffff' },
  MOON: { fill: '#c9d1d9', ring: '#8b949e', text: '#1f2328' },
  EARTH: { fill: '#1f6f5c', ring: '#134a3d', text: '#ffffff' },
  SUN: { fill: '#f5b700', ring: '#c98a00', text: '#1f2328' },
  BLACK_HOLE: { fill: '#16112b', ring: '#7b5cd6', text: '#ffffff' },
};

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/**
 * Up to two initials: the first character of each capitalised (or numeric) word of the name, so
 * "In the Zone" gives "IZ"; a name with no such word uses its first letter or digit.
 */
export function badgeInitials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[A-Z0-9]/.test(w));
  const initials = words
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  return initials || (/[A-Za-z0-9]/.exec(name)?.[0] ?? '?').toUpperCase();
}

/** A 128 × 128 SVG document for the badge. */
export function badgeImageSvg(badge: Pick<Badge, 'name' | 'tier'>): string {
  const { fill, ring, text } = BADGE_TIER_COLOURS[badge.tier];
  const name = escapeXml(badge.name);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${name}">`,
    `<title>${name}</title>`,
    `<circle cx="64" cy="64" r="58" fill="${fill}" stroke="${ring}" stroke-width="8"/>`,
    `<text x="64" y="64" text-anchor="middle" dominant-baseline="central" font-family="system-ui, sans-serif" font-size="44" font-weight="700" fill="${text}">${escapeXml(badgeInitials(badge.name))}</text>`,
    '</svg>',
  ].join('\n');
}
