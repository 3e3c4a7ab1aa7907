import type { INestApplicationContext } from '@nestjs/common';
import { errorCode } from '@peerlift/testing';
import { MatchingService } from '../../src/tutoring/matching/matching.service';
import { startTestApi, type TestApi } from '../support/test-api';
import { OPS, ok, person, startMatchingContext, type Person } from './tutoring-fixtures';

describe('reports and blocks', () => {
  let api: TestApi;
  let ctx: INestApplicationContext;
  let skills: string[];

  beforeAll(async () => {
    api = await startTestApi();
    ctx = await startMatchingContext(api);
    skills = (
      await api.sql.query<{ slug: string }>(`SELECT slug FROM skills ORDER BY position DESC LIMIT 5`)
    ).rows.map((r) => r.slug);
  });
  afterAll(async () => {
    await ctx.close();
    await api.close();
  });

  /** A tutor holding an offer for a learner's request in a skill of its own. */
  async function offered(): Promise<{ tutor: Person; learner: Person; offerId: string }> {
    const skill = skills.pop()!;
    const tutor = await person(api, { proficientIn: [skill] });
    const learner = await person(api);
    ok(await tutor.gql(OPS.setAvailability, { a: true }));
    ok(await learner.gql(OPS.requestHelp, { s: skill }));
    await ctx.get(MatchingService).matchSkill(skill);
    const offerId = ok(await tutor.gql<{ myOffer: { id: string } }>(OPS.myOffer)).myOffer.id;
    return { tutor, learner, offerId };
  }

  const reports = async (reporterId: string) =>
    (
      await api.sql.query<Record<string, string | null>>(
        `SELECT reported_user_id, session_id, reason, details FROM user_reports WHERE reporter_id = $1`,
        [reporterId],
      )
    ).rows;

  it('keeps a report about the other person of a session, with the session for the moderators', async () => {
    const { tutor, learner, offerId } = await offered();
    const sessionId = ok(await tutor.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offerId }))
      .acceptOffer.id;
    ok(await learner.gql(OPS.send, { s: sessionId, t: 'what is your insta' }));
    expect(
      ok(
        await tutor.gql<{ report: boolean }>(OPS.report, {
          i: { sessionId, reason: 'CONTACT_SHARING', details: 'asked for my insta' },
        }),
      ).report,
    ).toBe(true);
    expect(await reports(tutor.id)).toEqual([
      {
        reported_user_id: learner.id,
        session_id: sessionId,
        reason: 'CONTACT_SHARING',
        details: 'asked for my insta',
      },
    ]);
  });

  it('reports by handle, and refuses an unknown person, oneself, both or neither reference, and a bad reason', async () => {
    const [me, other] = [await person(api), await person(api)];
    ok(await me.gql(OPS.report, { i: { handle: other.handle.toUpperCase(), reason: 'SPAM' } }));
    expect(errorCode(await me.gql(OPS.report, { i: { handle: 'nobody_like_this', reason: 'SPAM' } }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await me.gql(OPS.report, { i: { handle: me.handle, reason: 'SPAM' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await me.gql(OPS.report, { i: { reason: 'SPAM' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await me.gql(OPS.report, { i: { reason: 'NOT_A_REASON', handle: other.handle } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(
        await me.gql(OPS.report, { i: { reason: 'OTHER', handle: other.handle, details: 'x'.repeat(1001) } }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await me.gql(OPS.report, {
          i: { sessionId: '00000000-0000-4000-8000-000000000000', reason: 'SPAM' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await reports(me.id)).toHaveLength(1);
  });

  it('refuses an accept once either person blocked the other', async () => {
    const { tutor, learner, offerId } = await offered();
    ok(await learner.gql(OPS.block, { i: { handle: tutor.handle } }));
    expect(errorCode(await tutor.gql(OPS.accept, { o: offerId }))).toBe('OFFER_UNAVAILABLE');
    const { rows } = await api.sql.query(
      `SELECT count(*)::int AS n FROM tutoring_sessions WHERE tutor_id = $1`,
      [tutor.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('ends a live session between the two when one blocks the other, and blocking twice is harmless', async () => {
    const { tutor, learner, offerId } = await offered();
    const sessionId = ok(await tutor.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offerId }))
      .acceptOffer.id;
    ok(await tutor.gql(OPS.block, { i: { sessionId } }));
    ok(await tutor.gql(OPS.block, { i: { handle: learner.handle } }));
    const seen = ok(
      await learner.gql<{ tutoringSession: { state: string } }>(OPS.session, { id: sessionId }),
    ).tutoringSession;
    expect(seen.state).toBe('ENDED');
    expect(errorCode(await learner.gql(OPS.send, { s: sessionId, t: 'hello?' }))).toBe('SESSION_NOT_LIVE');
  });
});
