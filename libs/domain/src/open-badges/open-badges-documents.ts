/**
 * Open Badges 2.0 hosted documents: the issuer Profile, one BadgeClass per catalogue badge and one Assertion
 * per award, as JSON-LD objects served at stable URLs under the api's public base URL:
 *
 *   /badges/issuer                 Issuer Profile
 *   /badges/classes/:slug          BadgeClass
 *   /badges/assertions/:id         Assertion (hosted verification: its `id` is where it is served)
 *   /badges/images/:slug.svg       BadgeClass image, from badgeImageSvg
 *
 * Required properties follow Open Badges v2.0 (IMS Final Release, 2018): Assertion — `@context`, `type`,
 * `id`, `recipient`, `badge`, `verification`, `issuedOn`; BadgeClass — `id`, `type`, `name`, `description`,
 * `image`, `criteria`, `issuer`; Profile (type `Issuer`) — `id`, `type`, `name`, `url`, `email`.
 *
 * Recipient: by default `type: 'email'` — backpacks and displayers match an earner by the address they
 * verified, so e-mail is what lets a learner actually claim the badge elsewhere. The identity is always hashed
 * with a per-assertion salt; the plaintext never appears. `'url'` is accepted for a recipient identified by a
 * profile URL. Pass the identity exactly as the earner will enter it elsewhere (trimmed, lower-case e-mail).
 *
 * Revocation (hosted): the assertion stays at its URL with `revoked: true` and `revocationReason`, served
 * with HTTP 410 Gone (see {@link hostedAssertionHttpStatus}).
 */
import { type Badge } from '../badges/badge';
import { hashRecipientIdentity } from './recipient-identity-hash';

export const OPEN_BADGES_V2_CONTEXT = 'https://w3id.org/openbadges/v2';

export type RecipientIdentityType = 'email' | 'url';

export interface OpenBadgesIssuerProfile {
  '@context': typeof OPEN_BADGES_V2_CONTEXT;
  type: 'Issuer';
  id: string;
  name: string;
  url: string;
  email: string;
}

export interface OpenBadgesBadgeClass {
  '@context': typeof OPEN_BADGES_V2_CONTEXT;
  type: 'BadgeClass';
  id: string;
  name: string;
  description: string;
  image: string;
  criteria: { narrative: string };
  issuer: string;
  tags: string[];
}

export interface OpenBadgesIdentityObject {
  type: RecipientIdentityType;
  hashed: true;
  salt: string;
  /** `sha256$…` from {@link hashRecipientIdentity}. */
  identity: string;
}

export interface OpenBadgesAssertion {
  '@context': typeof OPEN_BADGES_V2_CONTEXT;
  type: 'Assertion';
  id: string;
  recipient: OpenBadgesIdentityObject;
  badge: string;
  verification: { type: 'hosted' };
  /** ISO 8601 date-time in UTC. */
  issuedOn: string;
  revoked?: true;
  revocationReason?: string;
}

const URL_SAFE_ID = /^[A-Za-z0-9_-]+$/;

/** `baseUrl` without trailing slashes, after checking it is an absolute http(s) URL. */
function normalisedBase(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new RangeError(`Open Badges base URL is not a URL: ${baseUrl}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError(`Open Badges base URL must be http(s): ${baseUrl}`);
  }
  return baseUrl.replace(/\/+$/, '');
}

function urlSafe(kind: string, value: string): string {
  if (!URL_SAFE_ID.test(value)) throw new RangeError(`${kind} must match ${String(URL_SAFE_ID)}: ${value}`);
  return value;
}

export function openBadgesIssuerUrl(baseUrl: string): string {
  return `${normalisedBase(baseUrl)}/badges/issuer`;
}

export function openBadgesClassUrl(baseUrl: string, slug: string): string {
  return `${normalisedBase(baseUrl)}/badges/classes/${urlSafe('badge slug', slug)}`;
}

export function openBadgesAssertionUrl(baseUrl: string, assertionId: string): string {
  return `${normalisedBase(baseUrl)}/badges/assertions/${urlSafe('assertion id', assertionId)}`;
}

export function openBadgesImageUrl(baseUrl: string, slug: string): string {
  return `${normalisedBase(baseUrl)}/badges/images/${urlSafe('badge slug', slug)}.svg`;
}

/** The issuer Profile served at `/badges/issuer`. */
export function buildIssuerProfile(input: {
  baseUrl: string;
  name: string;
  email: string;
  url: string;
}): OpenBadgesIssuerProfile {
  return {
    '@context': OPEN_BADGES_V2_CONTEXT,
    type: 'Issuer',
    id: openBadgesIssuerUrl(input.baseUrl),
    name: input.name,
    url: input.url,
    email: input.email,
  };
}

/** The BadgeClass for one catalogue badge, served at `/badges/classes/:slug`. */
export function buildBadgeClass(input: {
  baseUrl: string;
  badge: Pick<Badge, 'slug' | 'name' | 'description' | 'tier' | 'category'>;
}): OpenBadgesBadgeClass {
  const { baseUrl, badge } = input;
  return {
    '@context': OPEN_BADGES_V2_CONTEXT,
    type: 'BadgeClass',
    id: openBadgesClassUrl(baseUrl, badge.slug),
    name: badge.name,
    description: badge.description,
    image: openBadgesImageUrl(baseUrl, badge.slug),
    criteria: {
      narrative: `${badge.description} Peerlift awards it automatically, once per learner, when the learner's practice and tutoring record meets this requirement.`,
    },
    issuer: openBadgesIssuerUrl(baseUrl),
    tags: [badge.category.toLowerCase(), badge.tier.toLowerCase().replace('_', '-')],
  };
}

export interface AssertionInput {
  baseUrl: string;
  /** URL-safe, unguessable id of the award (e.g. a UUID). */
  assertionId: string;
  badgeSlug: string;
  /** Plaintext identity, hashed before it goes into the document. */
  recipientIdentity: string;
  /** Defaults to `'email'`. */
  recipientType?: RecipientIdentityType;
  /** Random per assertion (the caller supplies it; domain code has no randomness). */
  salt: string;
  issuedOn: Date;
  revoked?: { reason: string };
}

/** The hosted Assertion for one award, served at `/badges/assertions/:id`. */
export function buildAssertion(input: AssertionInput): OpenBadgesAssertion {
  if (input.salt.length === 0) throw new RangeError('an assertion needs a non-empty salt');
  if (input.recipientIdentity.length === 0) throw new RangeError('an assertion needs a recipient identity');
  if (Number.isNaN(input.issuedOn.getTime())) throw new RangeError('issuedOn is not a valid date');
  const assertion: OpenBadgesAssertion = {
    '@context': OPEN_BADGES_V2_CONTEXT,
    type: 'Assertion',
    id: openBadgesAssertionUrl(input.baseUrl, input.assertionId),
    recipient: {
      type: input.recipientType ?? 'email',
      hashed: true,
      salt: input.salt,
      identity: hashRecipientIdentity(input.recipientIdentity, input.salt),
    },
    badge: openBadgesClassUrl(input.baseUrl, input.badgeSlug),
    verification: { type: 'hosted' },
    issuedOn: input.issuedOn.toISOString(),
  };
  return input.revoked ? { ...assertion, revoked: true, revocationReason: input.revoked.reason } : assertion;
}

/** HTTP status for serving a hosted assertion: 410 Gone once revoked (the body still explains why), else 200. */
export function hostedAssertionHttpStatus(assertion: Pick<OpenBadgesAssertion, 'revoked'>): 200 | 410 {
  return assertion.revoked ? 410 : 200;
}
