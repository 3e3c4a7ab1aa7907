import { BADGE_TIERS, type BadgeTier } from '../badges/badge';
import { BADGES } from '../badges/badge-catalogue';
import { BADGE_TIER_COLOURS, badgeImageSvg, badgeInitials } from './badge-image-svg';

/** Tags must close in the order they opened; self-closing tags stand alone. */
function isBalanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('badgeImageSvg', () => {
  it.each(BADGES.map((b) => [b.slug, b]))('draws %s as a well-formed SVG', (_slug, badge) => {
    const svg = badgeImageSvg(badge);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(isBalanced(svg)).toBe(true);
    expect(svg).toContain(`fill="${BADGE_TIER_COLOURS[badge.tier].fill}"`);
  });

  it('gives every tier its own colour', () => {
    expect(new Set(BADGE_TIERS.map((t) => BADGE_TIER_COLOURS[t].fill)).size).toBe(BADGE_TIERS.length);
  });

  it.each(BADGE_TIERS.map((t) => [t]))(
    'keeps the %s initials readable (contrast ≥ 4.5:1)',
    (tier: BadgeTier) => {
      const { fill, text } = BADGE_TIER_COLOURS[tier];
      expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('escapes markup in the name', () => {
    const svg = badgeImageSvg({ name: 'Tom & <Jerry>', tier: 'SUN' });
    expect(svg).toContain('Tom &amp; &lt;Jerry&gt;');
    expect(isBalanced(svg)).toBe(true);
  });
});

describe('badgeInitials', () => {
  it.each([
    ['First Steps', 'FS'],
    ['In the Zone', 'IZ'],
    ['Three-Day Streak', 'TS'],
    ['Black Hole Mind', 'BH'],
    ['quiet', 'Q'],
    ['', '?'],
  ])('%p → %p', (name, initials) => {
    expect(badgeInitials(name)).toBe(initials);
  });
});
