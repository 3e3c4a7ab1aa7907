import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badgeImageUrl, badgeProgressText, tierDisplay } from './badge-display';
import { joinCodeProblem, normaliseJoinCode } from './join-classroom-rules';

describe('badge display', () => {
  it('orders tiers from common to rare', () => {
    const order = (['METEORITE', 'MOON', 'EARTH', 'SUN', 'BLACK_HOLE'] as const).map((t) => tierDisplay(t).rarity);
    assert.deepEqual(order, [1, 2, 3, 4, 5]);
  });
  it('caps progress at the target', () => {
    assert.equal(badgeProgressText(3, 7), '3 of 7');
    assert.equal(badgeProgressText(9, 7), '7 of 7');
  });
  it('links the hosted image', () => assert.equal(badgeImageUrl('first-steps'), '/badges/images/first-steps.svg'));
});

describe('join codes', () => {
  it('accepts what people type', () => assert.equal(normaliseJoinCode(' k7p 2qx '), 'K7P2QX'));
  it('explains a malformed code', () => {
    assert.equal(joinCodeProblem('K7P2QX'), null);
    assert.match(joinCodeProblem('K7P2') ?? '', /6 letters and digits/);
  });
});
