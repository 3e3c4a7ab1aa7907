import type { INestApplicationContext } from '@nestjs/common';
import { errorCode } from '@peerlift/testing';
import { RedisService } from '../../src/redis/redis.module';
import { MatchingService, POOL_EXTRA } from '../../src/tutoring/matching/matching.service';
import { SweepService } from '../../src/tutoring/matching/sweep.service';
import { LiveStateService } from '../../src/tutoring/live/live-state.service';
import { LiveSyncService } from '../../src/tutoring/live/live-sync.service';
import { OfferResolutionService } from '../../src/tutoring/offers/offer-resolution.service';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  ADULT,
  CHILD,
  OPS,
  OTHER_SKILL,
  SKILL,
  TEEN,
  ok,
  person,
  startMatchingContext,
  type Person,
  type PersonOptions,
} from './tutoring-fixtures';

interface Offer {
  id: string;
  requestId: string;
  skillSlug: string;
  note: string;
}

describe('matching help requests to tutors', () => {
  let api: TestApi;
  let ctx: INestApplicationContext;
  let tick: () => Promise<unknown>;

  beforeAll(async () => {
    api = await startTestApi();
    ctx = await startMatchingContext(api);
    tick = () => ctx.get(MatchingService).matchSkill(SKILL);
  });
  afterAll(async () => {
    await ctx.close();
    await api.close();
  });
  // Each test starts with nobody available and nobody in line.
  afterEach(async () => {
    await api.sql.query(`UPDATE help_requests SET state = 'CANCELLED' WHERE state IN ('WAITING', 'OFFERED')`);
    await api.sql.query(`UPDATE tutoring_offers SET state = 'WITHDRAWN' WHERE state = 'PENDING'`);
    await api.sql.query(
      `UPDATE tutoring_sessions SET state = 'ENDED', ended_at = now() WHERE state = 'LIVE'`,
    );
    const redis = ctx.get(RedisService);
    const keys = await redis.client.keys(`${api.config.REDIS_PREFIX}:{tutoring}:*`);
    if (keys.length) await redis.client.del(...keys);
  });

  async function availableTutor(o: PersonOptions = {}): Promise<Person> {
    const tutor = await person(api, { proficientIn: [SKILL], ...o });
    expect(
      ok(
        await tutor.gql<{ setAvailability: { available: boolean; skillSlugs: string[] } }>(
          OPS.setAvailability,
          { a: true },
        ),
      ).setAvailability,
    ).toMatchObject({ available: true, skillSlugs: [SKILL] });
    return tutor;
  }

  async function ask(o: PersonOptions = {}, note?: string): Promise<Person & { requestId: string }> {
    const learner = await person(api, o);
    const res = ok(
      await learner.gql<{ requestHelp: { id: string; state: string } }>(OPS.requestHelp, {
        s: SKILL,
        n: note,
      }),
    );
    expect(res.requestHelp.state).toBe('WAITING');
    return { ...learner, requestId: res.requestHelp.id };
  }

  const offerOf = async (tutor: Person) =>
    ok(await tutor.gql<{ myOffer: Offer | null }>(OPS.myOffer)).myOffer;

  it('offers a waiting request to an available proficient tutor, who accepts into a session', async () => {
    const tutor = await availableTutor();
    const learner = await ask({}, 'I get lost carrying the one');
    await tick();
    const offer = await offerOf(tutor);
    expect(offer).toMatchObject({
      requestId: learner.requestId,
      skillSlug: SKILL,
      note: 'I get lost carrying the one',
    });
    expect(
      ok(await learner.gql<{ myHelpRequest: { state: string; position: number } }>(OPS.myHelpRequest))
        .myHelpRequest,
    ).toMatchObject({ state: 'OFFERED', position: 1 });
    const session = ok(
      await tutor.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offer!.id }),
    ).acceptOffer;
    // Confirmed in Postgres, the offer leaves neither a deadline for the sweep nor its claim record behind.
    const redis = ctx.get(RedisService).client;
    const base = `${api.config.REDIS_PREFIX}:{tutoring}:`;
    expect(await redis.zscore(`${base}deadlines`, offer!.id)).toBeNull();
    expect(await redis.exists(`${base}offer:${offer!.id}`)).toBe(0);
    const seen = ok(
      await learner.gql<{ tutoringSession: Record<string, unknown> }>(OPS.session, { id: session.id }),
    ).tutoringSession;
    expect(seen).toMatchObject({
      state: 'LIVE',
      skillSlug: SKILL,
      myRole: 'LEARNER',
      tutor: { handle: tutor.handle },
      learner: { handle: learner.handle },
    });
    expect(
      ok(await learner.gql<{ myHelpRequest: { state: string; session: { id: string } } }>(OPS.myHelpRequest))
        .myHelpRequest,
    ).toMatchObject({ state: 'MATCHED', session: { id: session.id } });
  });

  it('accepts through Postgres when Redis lost the offer’s claim record, and answers a repeat with the same session', async () => {
    const tutor = await availableTutor();
    await ask();
    await tick();
    const offer = (await offerOf(tutor))!;
    // Redis usually names the request, skill and learner itself; without the claim record it asks Postgres.
    await ctx.get(RedisService).client.del(`${api.config.REDIS_PREFIX}:{tutoring}:offer:${offer.id}`);
    const first = ok(
      await tutor.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offer.id }),
    ).acceptOffer;
    const again = ok(
      await tutor.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offer.id }),
    ).acceptOffer;
    expect(again.id).toBe(first.id);
    const { rows } = await api.sql.query(
      `SELECT 1 FROM tutoring_sessions WHERE offer_id = $1 AND id = $2 AND state = 'LIVE'`,
      [offer.id, first.id],
    );
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['not proficient in the skill', { proficientIn: [] }, {}],
    ['without a shared language', { languages: ['es'] }, { languages: ['en'] }],
    ['an adult who is not vetted, for a teen', { birthYear: ADULT }, { birthYear: TEEN }],
    ['a teen, for an adult', { birthYear: TEEN }, { birthYear: ADULT }],
    [
      'a vetted adult who is not a verified coach, for a child',
      { birthYear: ADULT, vetted: true },
      { birthYear: CHILD },
    ],
  ])(
    'never offers to a tutor %s',
    async (_name, tutorOptions: PersonOptions, learnerOptions: PersonOptions) => {
      const tutor = await person(api, { proficientIn: [SKILL], ...tutorOptions });
      ok(await tutor.gql(OPS.setAvailability, { a: true }));
      await ask(learnerOptions);
      await tick();
      expect(await offerOf(tutor)).toBeNull();
    },
  );

  it.each([
    ['a vetted adult, for a teen', { birthYear: ADULT, vetted: true }, { birthYear: TEEN }],
    [
      'a verified coach, for a child',
      { birthYear: ADULT, verifiedCoach: true, role: 'COACH' as const },
      { birthYear: CHILD },
    ],
    ['an adult, for an adult', { birthYear: ADULT }, { birthYear: ADULT }],
  ])('offers to %s', async (_name, tutorOptions: PersonOptions, learnerOptions: PersonOptions) => {
    const tutor = await availableTutor(tutorOptions);
    const learner = await ask(learnerOptions);
    await tick();
    expect((await offerOf(tutor))?.requestId).toBe(learner.requestId);
  });

  it('matches several skills in one tick, offering a tutor in both pools one request at most', async () => {
    const both = await person(api, { proficientIn: [SKILL, OTHER_SKILL] });
    ok(await both.gql(OPS.setAvailability, { a: true }));
    const askFor = async (skill: string) => {
      const learner = await person(api);
      const res = ok(await learner.gql<{ requestHelp: { id: string } }>(OPS.requestHelp, { s: skill }));
      return { ...learner, requestId: res.requestHelp.id };
    };
    const first = await askFor(SKILL);
    const second = await askFor(OTHER_SKILL);

    // Skills are matched in the order given: SKILL's line takes the tutor, OTHER_SKILL's request waits.
    const result = await ctx.get(MatchingService).matchSkills([SKILL, OTHER_SKILL]);
    expect(result).toMatchObject({ skills: 2, batch: 2, pool: 2, offered: 1 });
    expect((await offerOf(both))?.requestId).toBe(first.requestId);
    const { rows } = await api.sql.query<{ id: string; state: string }>(
      `SELECT id, state FROM help_requests WHERE id = ANY($1::uuid[]) ORDER BY state`,
      [[first.requestId, second.requestId]],
    );
    expect(rows).toEqual([
      { id: first.requestId, state: 'OFFERED' },
      { id: second.requestId, state: 'WAITING' },
    ]);

    // A tutor of OTHER_SKILL alone frees up: the next tick of both skills offers them the second request.
    const other = await person(api, { proficientIn: [OTHER_SKILL] });
    ok(await other.gql(OPS.setAvailability, { a: true }));
    expect(await ctx.get(MatchingService).matchSkills([SKILL, OTHER_SKILL])).toMatchObject({
      skills: 1,
      offered: 1,
    });
    expect((await offerOf(other))?.requestId).toBe(second.requestId);
    expect((await offerOf(both))?.requestId).toBe(first.requestId);
  });

  it('never offers to a tutor silent for longer than the heartbeat timeout', async () => {
    const tutor = await availableTutor();
    const redis = ctx.get(RedisService);
    // The heartbeat is 46 s old (on the Redis clock the claim script reads).
    await redis.client.zadd(`${api.config.REDIS_PREFIX}:{tutoring}:online`, Date.now() - 46_000, tutor.id);
    await ask();
    await tick();
    expect(await offerOf(tutor)).toBeNull();
    await ctx.get(SweepService).sweep();
    expect(
      ok(await tutor.gql<{ myAvailability: { available: boolean } }>(OPS.myAvailability)).myAvailability
        .available,
    ).toBe(false);
    expect(
      ok(await tutor.gql<{ heartbeat: { available: boolean } }>(OPS.heartbeat)).heartbeat.available,
    ).toBe(false);
  });

  it('offers the next tutor after a decline, keeps the learner first in line, and never asks the decliner again', async () => {
    const [a, b] = [await availableTutor(), await availableTutor()];
    const first = await ask();
    await tick();
    const decliner = (await offerOf(a)) ? a : b;
    const other = decliner === a ? b : a;
    const offer = (await offerOf(decliner))!;
    expect(offer.requestId).toBe(first.requestId);
    const second = await ask();
    expect(ok(await decliner.gql<{ declineOffer: boolean }>(OPS.decline, { o: offer.id })).declineOffer).toBe(
      true,
    );
    expect(
      ok(await first.gql<{ myHelpRequest: { state: string; position: number } }>(OPS.myHelpRequest))
        .myHelpRequest,
    ).toMatchObject({ state: 'WAITING', position: 1 });
    expect(
      ok(await second.gql<{ myHelpRequest: { position: number } }>(OPS.myHelpRequest)).myHelpRequest.position,
    ).toBe(2);
    await tick();
    expect((await offerOf(other))?.requestId).toBe(first.requestId);
    // The decliner is free again and gets the second request, never the first.
    expect((await offerOf(decliner))?.requestId).toBe(second.requestId);
  });

  it('times an offer out: the request waits again, the offer cannot be accepted, and two time-outs in a row mark the tutor away', async () => {
    const tutor = await availableTutor();
    const resolution = ctx.get(OfferResolutionService);
    for (let i = 0; i < 2; i++) {
      const learner = await ask();
      await tick();
      const offer = (await offerOf(tutor))!;
      expect(offer.requestId).toBe(learner.requestId);
      await api.sql.query(
        `UPDATE tutoring_offers SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [offer.id],
      );
      await forceRedisDeadline(offer.id);
      expect(await resolution.expire(offer.id)).toBe('EXPIRED');
      expect(
        ok(await learner.gql<{ myHelpRequest: { state: string } }>(OPS.myHelpRequest)).myHelpRequest.state,
      ).toBe('WAITING');
      expect(errorCode(await tutor.gql(OPS.accept, { o: offer.id }))).toBe('OFFER_UNAVAILABLE');
      await learner.gql(OPS.cancel);
    }
    expect(
      ok(await tutor.gql<{ myAvailability: { available: boolean } }>(OPS.myAvailability)).myAvailability
        .available,
    ).toBe(false);
  });

  it('ends again an offer that a stale restore revived after its time-out, so the request goes back in line', async () => {
    const first = await availableTutor();
    const learner = await ask();
    await tick();
    const offer = (await offerOf(first))!;
    await api.sql.query(`UPDATE tutoring_offers SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      offer.id,
    ]);
    // The race, step by step: the sweep's time-out releases the claim in Redis; a tick that read Postgres
    // just before the time-out committed (it still said OFFERED) restores the request from that read; then
    // the time-out commits in Postgres (what OfferResolutionService's end() writes).
    await ctx
      .get(LiveStateService)
      .release({ offerId: offer.id, requestId: learner.requestId, tutorId: first.id });
    await ctx.get(LiveSyncService).request(learner.requestId);
    await api.sql.query(`UPDATE tutoring_offers SET state = 'EXPIRED', responded_at = now() WHERE id = $1`, [
      offer.id,
    ]);
    await api.sql.query(`UPDATE help_requests SET state = 'WAITING', current_offer_id = NULL WHERE id = $1`, [
      learner.requestId,
    ]);
    // The revived offer carries its deadline back, so the next sweep ends it and the line moves on.
    await ctx.get(SweepService).sweep();
    const second = await availableTutor();
    await tick();
    expect((await offerOf(second))?.requestId).toBe(learner.requestId);
  });

  it('rotates tutors nobody in line can take to the back of the pool, so they never block it', async () => {
    // More unvetted adults than one tick considers (1 request + POOL_EXTRA spare), all ahead of the one teen
    // tutor, but fewer than two ticks consider.
    for (let i = 0; i < POOL_EXTRA + 4; i++) await availableTutor({ birthYear: ADULT });
    const teen = await availableTutor({ birthYear: TEEN });
    const redis = ctx.get(RedisService);
    await redis.client.zadd(
      `${api.config.REDIS_PREFIX}:{tutoring}:free:${SKILL}`,
      Date.now() - 1000,
      teen.id,
    );
    const learner = await ask({ birthYear: TEEN });
    await tick();
    expect(await offerOf(teen)).toBeNull();
    await tick();
    expect((await offerOf(teen))?.requestId).toBe(learner.requestId);
  });

  it('caps the offers a tutor gets per hour', async () => {
    const tutor = await availableTutor();
    const filler = await ask();
    await api.sql.query(
      `INSERT INTO tutoring_offers (id, request_id, tutor_id, state, fence, expires_at, created_at)
       SELECT gen_random_uuid(), $1, $2, 'DECLINED', 0, now(), now() - interval '10 minutes' FROM generate_series(1, $3)`,
      [filler.requestId, tutor.id, api.config.MAX_OFFERS_PER_TUTOR_PER_HOUR],
    );
    await filler.gql(OPS.cancel);
    await ask();
    await tick();
    expect(await offerOf(tutor)).toBeNull();
  });

  it.each([['the learner blocked the tutor'], ['the tutor blocked the learner']])(
    'never matches a blocked pair: %s',
    async (who) => {
      const tutor = await availableTutor();
      const learner = await person(api);
      const [blocker, blocked] = who.startsWith('the learner') ? [learner, tutor] : [tutor, learner];
      ok(await blocker.gql(OPS.block, { i: { handle: blocked.handle } }));
      ok(await learner.gql(OPS.requestHelp, { s: SKILL }));
      await tick();
      expect(await offerOf(tutor)).toBeNull();
    },
  );

  async function forceRedisDeadline(offerId: string): Promise<void> {
    const redis = ctx.get(RedisService);
    const base = `${api.config.REDIS_PREFIX}:{tutoring}:`;
    const requestId = await redis.client.hget(`${base}offer:${offerId}`, 'request');
    await redis.client.hset(`${base}req:${requestId}`, 'deadline', Date.now() - 1000);
  }
});
