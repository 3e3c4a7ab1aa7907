import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CandidateLoader } from '../../src/tutoring/matching/candidate-loader';
import { startTestApi, type TestApi } from '../support/test-api';
import { OTHER_SKILL, SKILL, person, startMatchingContext, type Person } from './tutoring-fixtures';

/**
 * The facts a matching tick reads about its tutors, from Postgres, as (tutor, skill) pairs in one statement
 * (prepared: the same plan for every tick, whatever the data looked like when it was made).
 */
describe('a tick’s candidate facts', () => {
  let api: TestApi;
  let ctx: INestApplicationContext;

  beforeAll(async () => {
    api = await startTestApi();
    ctx = await startMatchingContext(api);
  });
  afterAll(async () => {
    await ctx.close();
    await api.close();
  });

  /** A request, its offer (in `offerState`) and, unless the offer is not accepted, a session. */
  async function history(
    tutor: Person,
    learner: Person,
    o: { offerState: string; sessionState?: 'LIVE' | 'ENDED'; stars?: number; raterIsTutor?: boolean },
  ): Promise<void> {
    const requestState = o.sessionState === 'LIVE' ? 'MATCHED' : 'CLOSED';
    const { rows } = await api.sql.query<{ id: string }>(
      `INSERT INTO help_requests (learner_id, skill_slug, state, expires_at) VALUES ($1, $2, $3, now())
       RETURNING id`,
      [learner.id, SKILL, o.offerState === 'ACCEPTED' ? requestState : 'CLOSED'],
    );
    const offerId = randomUUID();
    await api.sql.query(
      `INSERT INTO tutoring_offers (id, request_id, tutor_id, state, fence, expires_at)
       VALUES ($1, $2, $3, $4, 1, now())`,
      [offerId, rows[0].id, tutor.id, o.offerState],
    );
    if (o.offerState !== 'ACCEPTED') return;
    const sessionId = randomUUID();
    const live = o.sessionState === 'LIVE';
    await api.sql.query(
      `INSERT INTO tutoring_sessions (id, request_id, offer_id, tutor_id, learner_id, skill_slug, state,
                                      involves_minor, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8)`,
      [
        sessionId,
        rows[0].id,
        offerId,
        tutor.id,
        learner.id,
        SKILL,
        live ? 'LIVE' : 'ENDED',
        live ? null : new Date(),
      ],
    );
    if (o.stars !== undefined)
      await api.sql.query(
        `INSERT INTO session_ratings (session_id, rater_id, stars, helpful) VALUES ($1, $2, $3, true)`,
        [sessionId, o.raterIsTutor ? tutor.id : learner.id, o.stars],
      );
  }

  it('loads ratings by learners only, reliability, sessions today, and whether the tutor is busy or asking', async () => {
    const rated = await person(api, { proficientIn: [SKILL] });
    const busy = await person(api, { proficientIn: [SKILL, OTHER_SKILL] });
    const asking = await person(api, { proficientIn: [SKILL] });
    const learners = await Promise.all(Array.from({ length: 6 }, () => person(api)));

    await history(rated, learners[0], { offerState: 'ACCEPTED', sessionState: 'ENDED', stars: 4 });
    await history(rated, learners[1], { offerState: 'ACCEPTED', sessionState: 'ENDED', stars: 5 });
    // The tutor rating the learner is not a rating of the tutor.
    await history(rated, learners[2], {
      offerState: 'ACCEPTED',
      sessionState: 'ENDED',
      stars: 1,
      raterIsTutor: true,
    });
    await history(rated, learners[3], { offerState: 'EXPIRED' });
    await history(rated, learners[3], { offerState: 'DECLINED' });
    await history(rated, learners[3], { offerState: 'WITHDRAWN' });
    await history(busy, learners[4], { offerState: 'ACCEPTED', sessionState: 'LIVE' });
    await api.sql.query(
      `INSERT INTO help_requests (learner_id, skill_slug, state, expires_at) VALUES ($1, $2, 'WAITING', now() + interval '1 hour')`,
      [asking.id, OTHER_SKILL],
    );

    const beat = Date.now();
    const pools = new Map([
      [SKILL, [rated, busy, asking].map((t) => ({ id: t.id, heartbeatMs: beat }))],
      [OTHER_SKILL, [{ id: busy.id, heartbeatMs: beat }]],
    ]);
    const loaded = await ctx.get(CandidateLoader).tutors(pools);

    // Someone waiting for help is no candidate; the others come back per skill, in pool order.
    expect(loaded.get(SKILL)!.map((t) => t.tutorId)).toEqual([rated.id, busy.id]);
    expect(loaded.get(OTHER_SKILL)!.map((t) => t.tutorId)).toEqual([busy.id]);
    expect(loaded.get(SKILL)![0]).toMatchObject({
      ratingCount: 2,
      ratingStarsTotal: 9,
      sessionsToday: 3,
      inLiveSession: false,
      lastHeartbeatAt: new Date(beat),
      // Withdrawn offers were never the tutor's to answer.
      offers: { received: 5, accepted: 3, timedOut: 1 },
      skills: { [SKILL]: { level: 'PROFICIENT' } },
    });
    expect(loaded.get(SKILL)![0].recentOfferTimes).toHaveLength(5);
    expect(loaded.get(SKILL)![1]).toMatchObject({ inLiveSession: true, ratingCount: 0, sessionsToday: 1 });
    expect(loaded.get(OTHER_SKILL)![0]).toMatchObject({
      inLiveSession: true,
      skills: { [OTHER_SKILL]: { level: 'PROFICIENT' } },
    });
  });
});
