import { BADGES, findBadge } from '../badges/badge-catalogue';
import {
  OPEN_BADGES_V2_CONTEXT,
  buildAssertion,
  buildBadgeClass,
  buildIssuerProfile,
  hostedAssertionHttpStatus,
  openBadgesClassUrl,
} from './open-badges-documents';
import { hashRecipientIdentity, recipientIdentityMatches } from './recipient-identity-hash';

const BASE = 'https://peerlift.example.org/api';
const ISO_8601_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value) && !!new URL(value);

const assertionInput = {
  baseUrl: BASE,
  assertionId: '3f0c1a52-8d1e-4b7a-9c55-0e7d2b1f4a90',
  badgeSlug: 'first-steps',
  recipientIdentity: 'learner@example.org',
  salt: 'c0ffee-salt',
  issuedOn: new Date('2026-11-23T10:15:30Z'),
};

describe('hashRecipientIdentity', () => {
  it.each([
    // independent SHA-256 vectors (FIPS 180-2): identity and salt are concatenated with nothing between
    ['a', 'bc', 'sha256$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['ab', 'c', 'sha256$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', '', 'sha256$e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('hashes %p + %p', (identity, salt, expected) => {
    expect(hashRecipientIdentity(identity, salt)).toBe(expected);
  });

  it.each([
    ['the right address', 'learner@example.org', true],
    ['another address', 'someone@example.org', false],
    ['the address with different case', 'Learner@example.org', false],
  ])('matches %s against a hashed recipient', (_case, candidate, expected) => {
    const { recipient } = buildAssertion(assertionInput);
    expect(recipientIdentityMatches(candidate, recipient)).toBe(expected);
  });

  it('compares an unhashed recipient as plain text', () => {
    expect(recipientIdentityMatches('x@example.org', { hashed: false, identity: 'x@example.org' })).toBe(
      true,
    );
  });
});

describe('buildIssuerProfile', () => {
  it('has every property a Profile needs, with the right types', () => {
    const issuer = buildIssuerProfile({
      baseUrl: `${BASE}/`,
      name: 'Peerlift',
      email: 'badges@peerlift.example.org',
      url: 'https://peerlift.example.org',
    });
    expect(issuer).toEqual({
      '@context': OPEN_BADGES_V2_CONTEXT,
      type: 'Issuer',
      id: `${BASE}/badges/issuer`,
      name: 'Peerlift',
      url: 'https://peerlift.example.org',
      email: 'badges@peerlift.example.org',
    });
  });
});

describe('buildBadgeClass', () => {
  it.each(BADGES.map((b) => [b.slug]))('%s has every property a BadgeClass needs', (slug) => {
    const badge = findBadge(slug)!;
    const badgeClass = buildBadgeClass({ baseUrl: BASE, badge });
    expect(badgeClass['@context']).toBe('https://w3id.org/openbadges/v2');
    expect(badgeClass.type).toBe('BadgeClass');
    expect(badgeClass.id).toBe(`${BASE}/badges/classes/${slug}`);
    expect(badgeClass.name).toBe(badge.name);
    expect(typeof badgeClass.description).toBe('string');
    expect(badgeClass.image).toBe(`${BASE}/badges/images/${slug}.svg`);
    expect(badgeClass.criteria.narrative).toContain(badge.description);
    expect(badgeClass.issuer).toBe(`${BASE}/badges/issuer`);
    for (const url of [badgeClass.id, badgeClass.image, badgeClass.issuer]) expect(isUrl(url)).toBe(true);
  });
});

describe('buildAssertion', () => {
  it('has every property an Assertion needs, with the right types', () => {
    const assertion = buildAssertion(assertionInput);
    expect(assertion).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: `${BASE}/badges/assertions/${assertionInput.assertionId}`,
      recipient: {
        type: 'email',
        hashed: true,
        salt: 'c0ffee-salt',
        identity: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/),
      },
      badge: openBadgesClassUrl(BASE, 'first-steps'),
      verification: { type: 'hosted' },
      issuedOn: '2026-11-23T10:15:30.000Z',
    });
    expect(assertion.issuedOn).toMatch(ISO_8601_UTC);
    expect(hostedAssertionHttpStatus(assertion)).toBe(200);
  });

  it('publishes a hash that re-hashing identity + salt reproduces, never the plaintext', () => {
    const assertion = buildAssertion(assertionInput);
    expect(assertion.recipient.identity).toBe(
      hashRecipientIdentity('learner@example.org', assertion.recipient.salt),
    );
    expect(JSON.stringify(assertion)).not.toContain('learner@example.org');
  });

  it('gives the same learner unlinkable hashes under different salts', () => {
    const a = buildAssertion({ ...assertionInput, salt: 'salt-one' });
    const b = buildAssertion({ ...assertionInput, salt: 'salt-two' });
    expect(a.recipient.identity).not.toBe(b.recipient.identity);
  });

  it('can identify the recipient by URL', () => {
    const assertion = buildAssertion({
      ...assertionInput,
      recipientType: 'url',
      recipientIdentity: 'https://peerlift.example.org/u/42',
    });
    expect(assertion.recipient.type).toBe('url');
  });

  it('marks a revoked assertion, keeps its reason and serves it as 410 Gone', () => {
    const assertion = buildAssertion({ ...assertionInput, revoked: { reason: 'Awarded in error' } });
    expect(assertion).toMatchObject({ revoked: true, revocationReason: 'Awarded in error' });
    expect(hostedAssertionHttpStatus(assertion)).toBe(410);
    expect('revoked' in buildAssertion(assertionInput)).toBe(false);
  });

  it('survives a JSON round trip unchanged (it is plain data)', () => {
    const assertion = buildAssertion(assertionInput);
    expect(JSON.parse(JSON.stringify(assertion))).toEqual(assertion);
  });

  it.each([
    ['an empty salt', { salt: '' }],
    ['an empty identity', { recipientIdentity: '' }],
    ['an invalid date', { issuedOn: new Date('nope') }],
    ['an id with a slash', { assertionId: '../issuer' }],
    ['a slug with a space', { badgeSlug: 'first steps' }],
    ['a relative base URL', { baseUrl: '/api' }],
    ['a non-http base URL', { baseUrl: 'ftp://peerlift.example.org' }],
  ])('rejects %s', (_case, change) => {
    expect(() => buildAssertion({ ...assertionInput, ...change })).toThrow(RangeError);
  });
});
