import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../support/test-api';
import { SKILL, person } from './tutoring-fixtures';

/** The SQL functions behind requestHelp and acceptOffer (migration 1763870700000), called directly. */
describe('tutoring functions', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  /** A request OFFERED to a tutor under fence 7, with its PENDING offer. */
  async function offered() {
    const tutor = await person(api, { proficientIn: [SKILL] });
    const learner = await person(api);
    const offerId = randomUUID();
    const { rows } = await api.sql.query<{ id: string }>(
      `INSERT INTO help_requests (learner_id, skill_slug, state, fence, current_offer_id, expires_at)
       VALUES ($1, $2, 'OFFERED', 7, $3, now() + interval '1 hour') RETURNING id`,
      [learner.id, SKILL, offerId],
    );
    await api.sql.query(
      `INSERT INTO tutoring_offers (id, request_id, tutor_id, state, fence, expires_at)
       VALUES ($1, $2, $3, 'PENDING', 7, now() + interval '15 seconds')`,
      [offerId, rows[0].id, tutor.id],
    );
    return { tutorId: tutor.id, learnerId: learner.id, requestId: rows[0].id, offerId };
  }

  /** `minorsBornFrom`: the default makes nobody a minor. */
  const confirm = (
    o: Awaited<ReturnType<typeof offered>>,
    fence = 7,
    sessionId = randomUUID(),
    minorsBornFrom = 3000,
  ) =>
    api.sql.query<{ id: string }>(`SELECT confirm_accept($1, $2, $3, $4, $5, $6, $7, $8) AS id`, [
      o.offerId,
      o.tutorId,
      fence,
      o.requestId,
      sessionId,
      o.learnerId,
      SKILL,
      minorsBornFrom,
    ]);

  const involvesMinor = async (sessionId: string) =>
    (
      await api.sql.query<{ m: boolean }>(`SELECT involves_minor AS m FROM tutoring_sessions WHERE id = $1`, [
        sessionId,
      ])
    ).rows[0].m;

  const states = async (o: Awaited<ReturnType<typeof offered>>) =>
    (
      await api.sql.query<{ offer: string; request: string; sessions: number }>(
        `SELECT (SELECT state FROM tutoring_offers WHERE id = $1) AS offer,
                (SELECT state FROM help_requests WHERE id = $2) AS request,
                (SELECT count(*)::int FROM tutoring_sessions WHERE request_id = $2) AS sessions`,
        [o.offerId, o.requestId],
      )
    ).rows[0];

  it('confirms an accept: offer ACCEPTED, request MATCHED, one live session', async () => {
    const o = await offered();
    const sessionId = randomUUID();
    expect((await confirm(o, 7, sessionId)).rows[0].id).toBe(sessionId);
    expect(await states(o)).toEqual({ offer: 'ACCEPTED', request: 'MATCHED', sessions: 1 });
    expect(await involvesMinor(sessionId)).toBe(false);
  });

  it('marks the session as involving a minor when either user was born in or after the given year', async () => {
    const o = await offered();
    const { rows } = await api.sql.query<{ y: number }>(`SELECT birth_year AS y FROM users WHERE id = $1`, [
      o.learnerId,
    ]);
    const sessionId = randomUUID();
    await confirm(o, 7, sessionId, rows[0].y);
    expect(await involvesMinor(sessionId)).toBe(true);
  });

  it('refuses, changing nothing, when the request moved on after the offer would have been accepted', async () => {
    const o = await offered();
    // The request now belongs to another offer: the offer's update alone would go through.
    await api.sql.query(`UPDATE help_requests SET current_offer_id = $2 WHERE id = $1`, [
      o.requestId,
      randomUUID(),
    ]);
    await expect(confirm(o)).rejects.toMatchObject({ code: 'PL001' });
    expect(await states(o)).toEqual({ offer: 'PENDING', request: 'OFFERED', sessions: 0 });
  });

  it('refuses a stale fence and a tutor who is in line for help', async () => {
    const stale = await offered();
    await expect(confirm(stale, 6)).rejects.toMatchObject({ code: 'PL001' });
    expect(await states(stale)).toEqual({ offer: 'PENDING', request: 'OFFERED', sessions: 0 });

    const asking = await offered();
    await api.sql.query(
      `INSERT INTO help_requests (learner_id, skill_slug, state, expires_at)
       VALUES ($1, $2, 'WAITING', now() + interval '1 hour')`,
      [asking.tutorId, SKILL],
    );
    await expect(confirm(asking)).rejects.toMatchObject({ code: 'PL001' });
    expect(await states(asking)).toEqual({ offer: 'PENDING', request: 'OFFERED', sessions: 0 });
  });

  it('joins the line, withdrawing an offer the learner holds as a tutor, and refuses someone in a session', async () => {
    const o = await offered();
    const { rows } = await api.sql.query<{
      id: string | null;
      offer_id: string | null;
      request_id: string | null;
    }>(`SELECT id, offer_id, request_id FROM join_help_line($1, $2, '', 30)`, [o.tutorId, SKILL]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ offer_id: o.offerId, request_id: o.requestId });
    expect(rows[0].id).not.toBeNull();
    expect(await states(o)).toEqual({ offer: 'WITHDRAWN', request: 'WAITING', sessions: 0 });

    const inSession = await offered();
    await confirm(inSession);
    const refused = await api.sql.query<{ id: string | null }>(
      `SELECT id FROM join_help_line($1, $2, '', 30)`,
      [inSession.learnerId, SKILL],
    );
    expect(refused.rows).toEqual([expect.objectContaining({ id: null })]);
    const open = await api.sql.query(
      `SELECT 1 FROM help_requests WHERE learner_id = $1 AND state = 'WAITING'`,
      [inSession.learnerId],
    );
    expect(open.rowCount).toBe(0);
  });
});
