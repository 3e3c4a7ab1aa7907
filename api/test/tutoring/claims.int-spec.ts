import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { errorCode, type GraphQLResponse } from '@peerlift/testing';
import { RedisService } from '../../src/redis/redis.module';
import { LiveStateService } from '../../src/tutoring/live/live-state.service';
import { LiveSyncService } from '../../src/tutoring/live/live-sync.service';
import { MatchingService } from '../../src/tutoring/matching/matching.service';
import { SweepService } from '../../src/tutoring/matching/sweep.service';
import { OfferResolutionService } from '../../src/tutoring/offers/offer-resolution.service';
import { startTestApi, type TestApi } from '../support/test-api';
import { postgresViolations, redisDisagreements } from './claims-invariants';
import { OPS, SKILL, ok, person, startMatchingContext, type Person } from './tutoring-fixtures';

const TUTORS = 4;
const LEARNERS = 5;
/** Errors a user can legitimately meet when racing others; anything else fails the property. */
const EXPECTED = new Set([
  'HELP_REQUEST_OPEN',
  'IN_SESSION',
  'NOT_FOUND',
  'OFFER_UNAVAILABLE',
  'SESSION_NOT_LIVE',
]);

type Action =
  | { kind: 'ask' | 'cancel' | 'learnerEnds'; who: number }
  | { kind: 'accept' | 'decline' | 'timeout' | 'tutorEnds' | 'away' | 'back'; tutor: number; twice?: boolean }
  | { kind: 'tick' | 'sweep' | 'crashTick' | 'restart' };

const tutorIx = fc.nat({ max: TUTORS - 1 });
const personIx = fc.nat({ max: TUTORS + LEARNERS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ask' as const), who: personIx }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('cancel' as const, 'learnerEnds' as const), who: personIx }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('accept' as const), tutor: tutorIx, twice: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'decline' as const,
        'timeout' as const,
        'tutorEnds' as const,
        'away' as const,
        'back' as const,
      ),
      tutor: tutorIx,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('tick' as const, 'sweep' as const, 'crashTick' as const, 'restart' as const),
    }),
  },
);
/** Steps run one after another; the actions of a step run concurrently. */
const scenario = fc.array(fc.array(action, { minLength: 1, maxLength: 6 }), { minLength: 4, maxLength: 14 });

/**
 * Property: whatever mix of concurrent requests, accepts (also double accepts), declines, time-outs, session
 * ends, ticks (several at once, like several workers), crashed ticks (claims in Redis that never reach
 * Postgres, as a worker killed mid-tick leaves them) and worker restarts happens, no user is ever in two
 * live sessions, no request is matched twice, Redis ends up agreeing with Postgres, and no request is lost:
 * every waiting request that some tutor may still take is matched once the dust settles.
 */
describe('atomic claims under concurrency (property-based, real Redis and Postgres)', () => {
  let api: TestApi;
  let ctx: INestApplicationContext;
  let people: Person[];

  beforeAll(async () => {
    api = await startTestApi({ MAX_OFFERS_PER_TUTOR_PER_HOUR: '1000' });
    ctx = await startMatchingContext(api);
  });
  afterAll(async () => {
    await ctx.close();
    await api.close();
  });

  const redis = () => ctx.get(RedisService).client;
  const base = () => `${api.config.REDIS_PREFIX}:{tutoring}:`;
  const tutors = () => people.slice(0, TUTORS);

  async function freshWorld(): Promise<void> {
    await api.sql.query(
      `UPDATE help_requests SET state = 'CANCELLED' WHERE state IN ('WAITING', 'OFFERED', 'MATCHED')`,
    );
    await api.sql.query(`UPDATE tutoring_offers SET state = 'WITHDRAWN' WHERE state = 'PENDING'`);
    await api.sql.query(
      `UPDATE tutoring_sessions SET state = 'ENDED', ended_at = now() WHERE state = 'LIVE'`,
    );
    const keys = await redis().keys(`${base()}*`);
    if (keys.length) await redis().del(...keys);
    people = [];
    for (let i = 0; i < TUTORS + LEARNERS; i++)
      people.push(await person(api, i < TUTORS ? { proficientIn: [SKILL] } : {}));
    for (const t of tutors()) ok(await t.gql(OPS.setAvailability, { a: true }));
  }

  const pendingOffer = async (tutorId: string) =>
    (
      await api.sql.query<{ id: string; request_id: string }>(
        `SELECT id, request_id FROM tutoring_offers WHERE tutor_id = $1 AND state = 'PENDING'`,
        [tutorId],
      )
    ).rows[0];
  const liveSession = async (userId: string) =>
    (
      await api.sql.query<{ id: string }>(
        `SELECT id FROM tutoring_sessions WHERE state = 'LIVE' AND (tutor_id = $1 OR learner_id = $1)`,
        [userId],
      )
    ).rows[0];

  /** Runs a GraphQL call and fails on any error a racing user should never see. */
  async function call(res: Promise<GraphQLResponse<unknown>>): Promise<void> {
    const code = errorCode(await res);
    if (code !== undefined && !EXPECTED.has(code)) throw new Error(`unexpected ${code}`);
  }

  async function forceDue(offerId: string, requestId: string): Promise<void> {
    await api.sql.query(`UPDATE tutoring_offers SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      offerId,
    ]);
    await redis().hset(`${base()}req:${requestId}`, 'deadline', 0);
    await redis().zadd(`${base()}deadlines`, 0, offerId);
  }

  /** A worker killed mid-tick: claims made in Redis, never confirmed in Postgres. */
  async function crashTick(): Promise<void> {
    const [requestId] = await redis().zrange(`${base()}waiting:${SKILL}`, 0, 0);
    const [tutorId] = await redis().zrange(`${base()}free:${SKILL}`, 0, 0);
    if (requestId && tutorId)
      await ctx.get(LiveStateService).claim([{ requestId, tutorId, offerId: randomUUID(), skillSlug: SKILL }], 15_000);
  }

  async function run(a: Action): Promise<void> {
    const c = ctx;
    switch (a.kind) {
      case 'ask':
        return call(people[a.who].gql(OPS.requestHelp, { s: SKILL }));
      case 'cancel':
        return call(people[a.who].gql(OPS.cancel));
      case 'learnerEnds':
      case 'tutorEnds': {
        const who = 'who' in a ? people[a.who] : people[a.tutor];
        const s = await liveSession(who.id);
        return s ? call(who.gql(OPS.end, { s: s.id })) : undefined;
      }
      case 'accept':
      case 'decline': {
        const t = people[a.tutor];
        const offer = await pendingOffer(t.id);
        if (!offer) return;
        const op = a.kind === 'accept' ? OPS.accept : OPS.decline;
        await Promise.all((a.twice ? [1, 2] : [1]).map(() => call(t.gql(op, { o: offer.id }))));
        return;
      }
      case 'timeout': {
        const offer = await pendingOffer(people[a.tutor].id);
        if (!offer) return;
        await forceDue(offer.id, offer.request_id);
        await c.get(OfferResolutionService).expire(offer.id);
        return;
      }
      case 'away':
      case 'back':
        return call(people[a.tutor].gql(OPS.setAvailability, { a: a.kind === 'back' }));
      case 'tick':
        await c.get(MatchingService).matchSkill(SKILL);
        return;
      case 'sweep':
        await c.get(SweepService).sweep();
        return;
      case 'crashTick':
        return crashTick();
      case 'restart':
        return;
    }
  }

  /** Ends every offer (as their deadlines would), then runs the sweep with reconciliation. */
  async function settle(): Promise<void> {
    const { rows } = await api.sql.query<{ id: string; request_id: string }>(
      `SELECT id, request_id FROM tutoring_offers WHERE state = 'PENDING'`,
    );
    for (const o of rows) await forceDue(o.id, o.request_id);
    const due = await redis().zrange(`${base()}deadlines`, 0, -1);
    for (const id of due) await redis().zadd(`${base()}deadlines`, 0, id);
    await api.sql.query(
      `UPDATE tutoring_offers SET expires_at = now() - interval '1 minute' WHERE state = 'PENDING'`,
    );
    await redis().del(`${base()}reconcile-gate`);
    await ctx.get(SweepService).sweep();
  }

  /** Every tutor available and taking whatever they are offered, session after session, until nothing moves. */
  async function drain(): Promise<void> {
    for (const t of tutors()) ok(await t.gql(OPS.setAvailability, { a: true }));
    for (let round = 0; round < 3 * (TUTORS + LEARNERS); round++) {
      await ctx.get(MatchingService).matchSkill(SKILL);
      for (const t of tutors()) {
        const offer = await pendingOffer(t.id);
        if (offer) await call(t.gql(OPS.accept, { o: offer.id }));
      }
      for (const p of people) {
        const s = await liveSession(p.id);
        if (s) await call(p.gql(OPS.end, { s: s.id }));
      }
    }
  }

  /**
   * Waiting requests some tutor could still take: not their own, not declined or timed out by that tutor, and
   * the tutor is not waiting for help themselves.
   */
  async function takeableWaiting(): Promise<string[]> {
    const { rows } = await api.sql.query<{ id: string }>(
      `SELECT h.id FROM help_requests h WHERE h.state IN ('WAITING', 'OFFERED') AND EXISTS (
         SELECT 1 FROM unnest($1::uuid[]) t(id) WHERE t.id <> h.learner_id
           AND NOT EXISTS (SELECT 1 FROM help_requests x WHERE x.learner_id = t.id AND x.state IN ('WAITING', 'OFFERED', 'MATCHED'))
           AND NOT EXISTS (
           SELECT 1 FROM tutoring_offers o WHERE o.request_id = h.id AND o.tutor_id = t.id AND o.state IN ('DECLINED', 'EXPIRED')))`,
      [tutors().map((t) => t.id)],
    );
    return rows.map((r) => r.id);
  }

  it('never double-books a tutor or double-matches a request, and loses no request', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (steps) => {
        await freshWorld();
        for (const step of steps) {
          await Promise.all(step.filter((a) => a.kind !== 'restart').map(run));
          expect(await postgresViolations(api)).toEqual([]);
          if (step.some((a) => a.kind === 'restart')) {
            await ctx.close();
            ctx = await startMatchingContext(api);
          }
        }
        await settle();
        expect(await postgresViolations(api)).toEqual([]);
        expect(
          await redisDisagreements(api, redis(), { skill: SKILL, tutorIds: tutors().map((t) => t.id) }),
        ).toEqual([]);
        await drain();
        expect(await postgresViolations(api)).toEqual([]);
        expect(await takeableWaiting()).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 600_000);

  it('never lets a restore read before an accept committed undo that accept; a refused accept undoes itself', async () => {
    await freshWorld();
    const learner = people[TUTORS];
    const { requestHelp } = ok(
      await learner.gql<{ requestHelp: { id: string } }>(OPS.requestHelp, { s: SKILL }),
    );
    await ctx.get(MatchingService).matchSkill(SKILL);
    const { rows } = await api.sql.query<{ id: string; tutor_id: string }>(
      `SELECT id, tutor_id FROM tutoring_offers WHERE request_id = $1 AND state = 'PENDING'`,
      [requestHelp.id],
    );
    expect(rows).toHaveLength(1);
    const [{ id: offerId, tutor_id: tutorId }] = rows;
    const live = ctx.get(LiveStateService);
    const sync = ctx.get(LiveSyncService);
    const claim = { offerId, requestId: requestHelp.id, tutorId, skillSlug: SKILL, sessionId: randomUUID() };
    const tutorState = () => redis().hget(`${base()}tutor:${tutorId}`, 'state');
    const requestState = () => redis().hget(`${base()}req:${requestHelp.id}`, 'state');

    // An accept has claimed in Redis and not yet reached Postgres, which still says OFFERED: restores (the
    // tutor switching availability on, a sweep) read that and must leave the accept alone.
    expect(await live.accept(claim)).not.toBeNull();
    await Promise.all([sync.tutor(tutorId), sync.request(requestHelp.id)]);
    expect([await tutorState(), await requestState()]).toEqual(['BUSY', 'MATCHED']);

    // Postgres refused that accept: it takes back its own hold — both OFFERED, the request back in line.
    await live.undoAccept(claim);
    expect([await tutorState(), await requestState()]).toEqual(['OFFERED', 'OFFERED']);
    expect(await redis().zscore(`${base()}line:${SKILL}`, requestHelp.id)).not.toBeNull();

    // The tutor can still accept for real.
    const tutor = people.find((p) => p.id === tutorId)!;
    ok(await tutor.gql(OPS.accept, { o: offerId }));
    expect(await postgresViolations(api)).toEqual([]);
    expect(
      await redisDisagreements(api, redis(), { skill: SKILL, tutorIds: tutors().map((t) => t.id) }),
    ).toEqual([]);
  }, 60_000);
});
