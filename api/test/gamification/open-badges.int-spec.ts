import {
  CURRICULUM,
  recipientIdentityMatches,
  type OpenBadgesAssertion,
  type OpenBadgesBadgeClass,
  type OpenBadgesIssuerProfile,
} from '@peerlift/domain';
import { LeaderboardRelayService } from '../../src/leaderboards/leaderboard-relay.service';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { answerForRewards, MY_BADGES, redisClient } from './gamification-support';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;
const ISO_8601_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const isUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^/]+\//.test(v);

/**
 * Open Badges 2.0 hosted verification over real HTTP: each document has the properties the specification
 * requires with the right types (FIELD-NOTES.md: Assertion, BadgeClass, Issuer Profile), the links between
 * them resolve, and a verifier can check the hashed recipient.
 */
describe('Open Badges documents', () => {
  let api: TestApi;
  /** Documents name PUBLIC_URL; the test api listens on another port, so fetch by path. */
  const get = (url: string) => fetch(new URL(new URL(url, api.url).pathname, api.url));
  const json = async <T>(url: string) => {
    const res = await get(url);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as T,
    };
  };
  const earnFirstSteps = async () => {
    const learner = await LearnerSession.signUp(api);
    await answerForRewards(learner, ROOT, true);
    const { myBadges } = (
      await learner.gql<{ myBadges: { recipientIdentity: string; earned: { assertionUrl: string }[] } }>(
        MY_BADGES,
      )
    ).data!;
    return { learner, assertionUrl: myBadges.earned[0].assertionUrl, identity: myBadges.recipientIdentity };
  };

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('serves a verifiable hosted Assertion whose badge and issuer resolve', async () => {
    const { assertionUrl, identity } = await earnFirstSteps();
    const assertion = await json<OpenBadgesAssertion>(assertionUrl);
    expect(assertion.status).toBe(200);
    expect(assertion.type).toMatch(/^application\/ld\+json/);
    const a = assertion.body;
    expect(a['@context']).toBe('https://w3id.org/openbadges/v2');
    expect(a.type).toBe('Assertion');
    expect(a.id).toBe(assertionUrl);
    expect(a.verification).toEqual({ type: 'hosted' });
    expect(a.issuedOn).toMatch(ISO_8601_UTC);
    expect(a.recipient).toEqual({
      type: 'url',
      hashed: true,
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      identity: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/),
    });
    expect(recipientIdentityMatches(identity, a.recipient)).toBe(true);
    expect(recipientIdentityMatches(`${identity}x`, a.recipient)).toBe(false);
    expect(JSON.stringify(a)).not.toContain(identity);

    const badgeClass = await json<OpenBadgesBadgeClass>(a.badge);
    expect(badgeClass.status).toBe(200);
    const c = badgeClass.body;
    expect(c).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'BadgeClass',
      id: a.badge,
      name: 'First Steps',
    });
    expect(typeof c.description).toBe('string');
    expect(typeof c.criteria.narrative).toBe('string');
    for (const url of [c.id, c.image, c.issuer]) expect(isUrl(url)).toBe(true);
    const image = await get(c.image);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await image.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    const issuer = (await json<OpenBadgesIssuerProfile>(c.issuer)).body;
    expect(issuer).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Issuer',
      id: c.issuer,
      name: 'Peerlift',
    });
    expect(isUrl(issuer.url) || /^https?:\/\//.test(issuer.url)).toBe(true);
    expect(issuer.email).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('answers 404 for unknown or malformed ids and slugs', async () => {
    for (const path of [
      '/badges/assertions/7a1c2a52-8d1e-4b7a-9c55-0e7d2b1f4a90',
      '/badges/assertions/not-an-id',
      '/badges/classes/no-such-badge',
      '/badges/images/no-such-badge.svg',
      '/badges/images/first-steps.png',
    ]) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('revokes the assertions of a deleted account (410 Gone) and takes it off the boards', async () => {
    const { learner, assertionUrl } = await earnFirstSteps();
    const board = `${api.config.REDIS_PREFIX}:lb:global:all`;
    const redis = redisClient();
    try {
      expect(await redis.zscore(board, learner.userId)).not.toBeNull();
      await api.sql.query(`DELETE FROM users WHERE id = $1`, [learner.userId]);
      const revoked = await json<OpenBadgesAssertion>(assertionUrl);
      expect(revoked.status).toBe(410);
      expect(revoked.body).toMatchObject({
        type: 'Assertion',
        revoked: true,
        revocationReason: expect.stringMatching(/deleted/),
      });
      expect(revoked.body.recipient.identity).toMatch(/^sha256\$/);
      await api.app.get(LeaderboardRelayService).drain();
      expect(await redis.zscore(board, learner.userId)).toBeNull();
    } finally {
      redis.disconnect();
    }
  });
});
