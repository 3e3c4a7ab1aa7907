import type { INestApplicationContext } from '@nestjs/common';
import { errorCode } from '@peerlift/testing';
import { MatchingService } from '../../src/tutoring/matching/matching.service';
import { TutorImpactService } from '../../src/tutoring/sessions/tutor-impact.service';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  ADULT,
  OPS,
  OTHER_SKILL,
  SKILL,
  TEEN,
  makeProficient,
  ok,
  person,
  startMatchingContext,
  type Person,
  type PersonOptions,
} from './tutoring-fixtures';

interface Session {
  state: string;
  completed: boolean;
  messages: { text: string; masked: boolean; author: { handle: string } }[];
  rating: { stars: number; helpful: boolean } | null;
}

describe('tutoring sessions', () => {
  let api: TestApi;
  let ctx: INestApplicationContext;

  beforeAll(async () => {
    api = await startTestApi({ CHAT_MESSAGES_PER_MINUTE: '8' });
    ctx = await startMatchingContext(api);
  });
  afterAll(async () => {
    await ctx.close();
    await api.close();
  });

  /** A tutor and a learner in a live session of `skill`. */
  async function matched(
    tutorOptions: PersonOptions = {},
    learnerOptions: PersonOptions = {},
    skill = SKILL,
  ) {
    const tutor = await person(api, { proficientIn: [skill], ...tutorOptions });
    const learner = await person(api, learnerOptions);
    ok(await tutor.gql(OPS.setAvailability, { a: true }));
    ok(await learner.gql(OPS.requestHelp, { s: skill }));
    await ctx.get(MatchingService).matchSkill(skill);
    const offer = ok(await tutor.gql<{ myOffer: { id: string } }>(OPS.myOffer)).myOffer;
    const sessionId = ok(await tutor.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offer.id }))
      .acceptOffer.id;
    return { tutor, learner, sessionId };
  }

  const view = async (who: Person, id: string) =>
    ok(await who.gql<{ tutoringSession: Session }>(OPS.session, { id })).tutoringSession;
  const points = async (id: string) =>
    (
      await api.sql.query<{ reason: string; amount: number; source_key: string }>(
        `SELECT reason, amount, source_key FROM point_ledger WHERE user_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
  /** Makes the session look as if it started `minutes` ago. */
  const startedAgo = (id: string, minutes: number) =>
    api.sql.query(
      `UPDATE tutoring_sessions SET started_at = now() - make_interval(mins => $2) WHERE id = $1`,
      [id, minutes],
    );

  it('persists messages in order and shows them to both participants', async () => {
    const { tutor, learner, sessionId } = await matched();
    ok(await learner.gql(OPS.send, { s: sessionId, t: 'Why is 7 + 8 = 15?' }));
    ok(await tutor.gql(OPS.send, { s: sessionId, t: '  Make a ten: 7 + 3 + 5.  ' }));
    for (const who of [tutor, learner]) {
      expect((await view(who, sessionId)).messages).toEqual([
        expect.objectContaining({
          text: 'Why is 7 + 8 = 15?',
          masked: false,
          author: { handle: learner.handle },
        }),
        expect.objectContaining({
          text: 'Make a ten: 7 + 3 + 5.',
          masked: false,
          author: { handle: tutor.handle },
        }),
      ]);
    }
  });

  it('masks contact details in a session involving a minor, keeps the typed text for moderation, and leaves maths alone', async () => {
    const { tutor, learner, sessionId } = await matched({ birthYear: TEEN }, { birthYear: TEEN });
    const sent = ok(
      await learner.gql<{ sendMessage: { text: string; masked: boolean } }>(OPS.send, {
        s: sessionId,
        t: 'add me on snap: coolkid_12 or mail kid@example.com',
      }),
    ).sendMessage;
    expect(sent.masked).toBe(true);
    expect(sent.text).not.toMatch(/coolkid|example\.com/);
    ok(await tutor.gql(OPS.send, { s: sessionId, t: '12 x 12 = 144' }));
    const messages = (await view(tutor, sessionId)).messages;
    expect(messages[0].text).toBe(sent.text);
    expect(messages[1]).toMatchObject({ text: '12 x 12 = 144', masked: false });
    const { rows } = await api.sql.query(
      `SELECT original_text FROM session_messages WHERE session_id = $1 ORDER BY id`,
      [sessionId],
    );
    expect(rows[0].original_text).toBe('add me on snap: coolkid_12 or mail kid@example.com');
  });

  it('does not mask between two adults', async () => {
    const { learner, sessionId } = await matched({ birthYear: ADULT }, { birthYear: ADULT });
    const sent = ok(
      await learner.gql<{ sendMessage: { text: string; masked: boolean } }>(OPS.send, {
        s: sessionId,
        t: 'see https://example.org/fractions',
      }),
    ).sendMessage;
    expect(sent).toMatchObject({ text: 'see https://example.org/fractions', masked: false });
  });

  it('refuses empty, oversized and outsider messages, and changes nothing', async () => {
    const { learner, sessionId } = await matched();
    const outsider = await person(api);
    expect(errorCode(await learner.gql(OPS.send, { s: sessionId, t: '' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await learner.gql(OPS.send, { s: sessionId, t: '   ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await learner.gql(OPS.send, { s: sessionId, t: 'x'.repeat(2001) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await learner.gql(OPS.send, { s: 'not-a-uuid', t: 'hi' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await outsider.gql(OPS.send, { s: sessionId, t: 'hi' }))).toBe('NOT_FOUND');
    expect(errorCode(await outsider.gql(OPS.session, { id: sessionId }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(OPS.send, { s: sessionId, t: 'hi' }))).toBe('UNAUTHENTICATED');
    ok(await learner.gql(OPS.send, { s: sessionId, t: 'y'.repeat(2000) }));
    const { rows } = await api.sql.query(
      `SELECT count(*)::int AS n FROM session_messages WHERE session_id = $1`,
      [sessionId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('rate-limits messages per user', async () => {
    const { learner, sessionId } = await matched();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 9; i++)
      codes.push(errorCode(await learner.gql(OPS.send, { s: sessionId, t: `message ${i}` })));
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(undefined));
    expect(codes[8]).toBe('RATE_LIMITED');
  });

  it('pays the tutor once for a completed session, not for one accepted and ended at once', async () => {
    const quick = await matched();
    ok(await quick.learner.gql(OPS.end, { s: quick.sessionId }));
    expect(await points(quick.tutor.id)).toEqual([]);

    const real = await matched();
    ok(await real.learner.gql(OPS.send, { s: real.sessionId, t: 'help?' }));
    ok(await real.tutor.gql(OPS.send, { s: real.sessionId, t: 'sure' }));
    await startedAgo(real.sessionId, 5);
    const ended = ok(
      await real.tutor.gql<{ endSession: { state: string; completed: boolean } }>(OPS.end, {
        s: real.sessionId,
      }),
    ).endSession;
    expect(ended).toEqual({ id: real.sessionId, state: 'ENDED', completed: true });
    // Ending again (either side) changes nothing and pays nothing more.
    ok(await real.learner.gql(OPS.end, { s: real.sessionId }));
    expect(await points(real.tutor.id)).toEqual([
      { reason: 'TUTORING', amount: 100, source_key: `tutoring:${real.sessionId}` },
    ]);
    expect(errorCode(await real.learner.gql(OPS.send, { s: real.sessionId, t: 'one more?' }))).toBe(
      'SESSION_NOT_LIVE',
    );
    expect(
      ok(await real.learner.gql<{ myHelpRequest: { state: string } }>(OPS.myHelpRequest)).myHelpRequest.state,
    ).toBe('CLOSED');
  });

  it('lets the learner rate once, and only the learner', async () => {
    const { tutor, learner, sessionId } = await matched();
    ok(await learner.gql(OPS.end, { s: sessionId }));
    expect(errorCode(await tutor.gql(OPS.rate, { s: sessionId, st: 5, h: true }))).toBe('FORBIDDEN');
    expect(errorCode(await learner.gql(OPS.rate, { s: sessionId, st: 6, h: true }))).toBe('BAD_USER_INPUT');
    expect(
      ok(await learner.gql<{ rateSession: boolean }>(OPS.rate, { s: sessionId, st: 4, h: true })).rateSession,
    ).toBe(true);
    expect(errorCode(await learner.gql(OPS.rate, { s: sessionId, st: 1, h: false }))).toBe('ALREADY_RATED');
    expect((await view(tutor, sessionId)).rating).toEqual({ stars: 4, helpful: true });
  });

  it('frees the tutor for the next request once the session ends', async () => {
    // The only tutor of OTHER_SKILL in this file, so the next request can only go to them.
    const { tutor, learner, sessionId } = await matched({}, {}, OTHER_SKILL);
    const next = await person(api);
    ok(await next.gql(OPS.requestHelp, { s: OTHER_SKILL }));
    await ctx.get(MatchingService).matchSkill(OTHER_SKILL);
    expect(ok(await tutor.gql<{ myOffer: unknown }>(OPS.myOffer)).myOffer).toBeNull();
    ok(await learner.gql(OPS.end, { s: sessionId }));
    await ctx.get(MatchingService).matchSkill(OTHER_SKILL);
    expect(
      ok(await tutor.gql<{ myOffer: { requestId: string } | null }>(OPS.myOffer)).myOffer,
    ).not.toBeNull();
  });

  it('pays the tutor-impact bonus once when the tutee becomes proficient within 24 hours of a completed session', async () => {
    const { tutor, learner, sessionId } = await matched();
    ok(await learner.gql(OPS.send, { s: sessionId, t: 'help?' }));
    ok(await tutor.gql(OPS.send, { s: sessionId, t: 'sure' }));
    await startedAgo(sessionId, 10);
    ok(await tutor.gql(OPS.end, { s: sessionId }));
    const impact = ctx.get(TutorImpactService);
    await impact.payDue();
    expect((await points(tutor.id)).map((p) => p.reason)).toEqual(['TUTORING']);
    await makeProficient(api, learner.id, SKILL);
    await impact.payDue();
    await impact.payDue();
    expect(await points(tutor.id)).toEqual([
      { reason: 'TUTORING', amount: 100, source_key: `tutoring:${sessionId}` },
      { reason: 'TUTOR_IMPACT', amount: 100, source_key: `tutor-impact:${learner.id}:${SKILL}` },
    ]);
    const { rows } = await api.sql.query(`SELECT total_points FROM users WHERE id = $1`, [tutor.id]);
    expect(rows[0].total_points).toBe(200);
  });

  it('pays no impact bonus for proficiency reached more than 24 hours after the session', async () => {
    const { tutor, learner, sessionId } = await matched();
    ok(await learner.gql(OPS.send, { s: sessionId, t: 'help?' }));
    ok(await tutor.gql(OPS.send, { s: sessionId, t: 'sure' }));
    await startedAgo(sessionId, 10);
    ok(await tutor.gql(OPS.end, { s: sessionId }));
    await api.sql.query(
      `UPDATE tutoring_sessions SET started_at = now() - interval '30 hours', ended_at = now() - interval '29 hours' WHERE id = $1`,
      [sessionId],
    );
    await makeProficient(api, learner.id, SKILL);
    await ctx.get(TutorImpactService).payDue();
    expect((await points(tutor.id)).map((p) => p.reason)).toEqual(['TUTORING']);
  });
});
