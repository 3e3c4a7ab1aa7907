import type { INestApplicationContext } from '@nestjs/common';
import { findSkill, MIN_WAIT_SECONDS, TYPICAL_SESSION_MINUTES } from '@peerlift/domain';
import { errorCode } from '@peerlift/testing';
import { RedisService } from '../../src/redis/redis.module';
import { MatchingService } from '../../src/tutoring/matching/matching.service';
import { SweepService } from '../../src/tutoring/matching/sweep.service';
import { startTestApi, type TestApi } from '../support/test-api';
import { CHILD, OPS, SKILL, ok, person, startMatchingContext, type Person } from './tutoring-fixtures';

interface HelpRequest {
  id: string;
  state: string;
  position: number | null;
  tutorsOnline: number;
  estimatedWaitSeconds: number | null;
  session: { id: string } | null;
  lesson: { text: string } | null;
}

/** Each test uses its own skill's line, so tests never see each other's requests or tutors. */
const SKILLS: string[] = [];

describe('help requests', () => {
  let api: TestApi;
  let ctx: INestApplicationContext;
  let skill: string;
  let next = 0;

  beforeAll(async () => {
    api = await startTestApi({ HELP_REQUEST_TTL_MINUTES: '30' });
    ctx = await startMatchingContext(api);
    const { rows } = await api.sql.query<{ slug: string }>(
      `SELECT slug FROM skills ORDER BY position LIMIT 12`,
    );
    SKILLS.splice(0, SKILLS.length, ...rows.map((r) => r.slug).filter((s) => s !== SKILL));
  });
  beforeEach(() => {
    skill = SKILLS[next++ % SKILLS.length]!;
  });
  afterAll(async () => {
    await ctx.close();
    await api.close();
  });

  const mine = async (who: Person) =>
    ok(await who.gql<{ myHelpRequest: HelpRequest | null }>(OPS.myHelpRequest)).myHelpRequest;
  const ask = (who: Person, note?: string) =>
    who.gql<{ requestHelp: HelpRequest & { note: string } }>(OPS.requestHelp, { s: skill, n: note });
  const count = async (learnerId: string) =>
    (
      await api.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM help_requests WHERE learner_id = $1`,
        [learnerId],
      )
    ).rows[0].n;

  it('puts the learner in line with a position, tutors online and an estimated wait', async () => {
    const [a, b] = [await person(api), await person(api)];
    expect(ok(await ask(a)).requestHelp).toMatchObject({
      state: 'WAITING',
      position: 1,
      tutorsOnline: 0,
      estimatedWaitSeconds: null,
    });
    const tutor = await person(api, { proficientIn: [skill] });
    // Busy elsewhere: available, but this test never runs a tick, so the tutor just counts as online.
    ok(await tutor.gql(OPS.setAvailability, { a: true }));
    const second = ok(await ask(b)).requestHelp;
    // The one free tutor takes the first in line; the second waits for a typical session (15 min) to end.
    expect(second).toMatchObject({ state: 'WAITING', position: 2, tutorsOnline: 1 });
    expect(second.estimatedWaitSeconds).toBe(TYPICAL_SESSION_MINUTES * 60);
    ok(await a.gql(OPS.cancel));
    // First in line with a free tutor online: the next tick offers it, so only the floor is left.
    expect(await mine(b)).toMatchObject({ position: 1, estimatedWaitSeconds: MIN_WAIT_SECONDS });
  });

  it('allows one open request per learner and changes nothing on a second', async () => {
    const learner = await person(api);
    ok(await ask(learner));
    expect(errorCode(await ask(learner))).toBe('HELP_REQUEST_OPEN');
    expect(errorCode(await learner.gql(OPS.requestHelp, { s: SKILL }))).toBe('HELP_REQUEST_OPEN');
    expect(await count(learner.id)).toBe(1);
  });

  it('refuses bad input and anonymous callers, and changes nothing', async () => {
    const learner = await person(api);
    expect(errorCode(await learner.gql(OPS.requestHelp, { s: 'no-such-skill' }))).toBe('NOT_FOUND');
    expect(errorCode(await learner.gql(OPS.requestHelp, { s: 'Not A Slug!' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await learner.gql(OPS.requestHelp, { s: skill, n: 'x'.repeat(501) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await api.gql(OPS.requestHelp, { s: skill }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await learner.gql(OPS.cancel))).toBe('NOT_FOUND');
    expect(await count(learner.id)).toBe(0);
    expect(await mine(learner)).toBeNull();
  });

  it('masks contact details in the note a stranger will read', async () => {
    const learner = await person(api);
    const { note } = ok(await ask(learner, 'stuck on carrying, text me on 0211234567')).requestHelp;
    expect(note).toContain('stuck on carrying');
    expect(note).not.toContain('0211234567');
  });

  it('cancels, withdrawing a pending offer and freeing the tutor, and lets the learner ask again', async () => {
    const tutor = await person(api, { proficientIn: [skill] });
    ok(await tutor.gql(OPS.setAvailability, { a: true }));
    const learner = await person(api);
    ok(await ask(learner));
    await ctx.get(MatchingService).matchSkill(skill);
    const offer = ok(await tutor.gql<{ myOffer: { id: string } | null }>(OPS.myOffer)).myOffer!;
    expect(
      ok(await learner.gql<{ cancelHelpRequest: { state: string } }>(OPS.cancel)).cancelHelpRequest.state,
    ).toBe('CANCELLED');
    expect(ok(await tutor.gql<{ myOffer: unknown }>(OPS.myOffer)).myOffer).toBeNull();
    expect(errorCode(await tutor.gql(OPS.accept, { o: offer.id }))).toBe('OFFER_UNAVAILABLE');
    const again = ok(await ask(learner)).requestHelp;
    expect(again.state).toBe('WAITING');
    await ctx.get(MatchingService).matchSkill(skill);
    expect(
      ok(await tutor.gql<{ myOffer: { requestId: string } | null }>(OPS.myOffer)).myOffer?.requestId,
    ).toBe(again.id);
  });

  it('expires an unmatched request after its TTL and points the learner to the lesson', async () => {
    const learner = await person(api);
    const { id } = ok(await ask(learner)).requestHelp;
    await api.sql.query(`UPDATE help_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      id,
    ]);
    await ctx.get(SweepService).sweep();
    const expired = (await mine(learner))!;
    expect(expired).toMatchObject({ id, state: 'EXPIRED', position: null });
    expect(expired.lesson!.text).toBe(findSkill(skill)!.lesson.text);
    expect(ok(await ask(learner)).requestHelp.state).toBe('WAITING');
  });

  it('loses no request committed just before a crash: the sweep puts it back in line', async () => {
    const learner = await person(api);
    const tutor = await person(api, { proficientIn: [skill] });
    ok(await tutor.gql(OPS.setAvailability, { a: true }));
    // As if the api died right after COMMIT: the row exists, Redis never heard of it.
    const { rows } = await api.sql.query<{ id: string }>(
      `INSERT INTO help_requests (learner_id, skill_slug, state, created_at, expires_at)
       VALUES ($1, $2, 'WAITING', now() - interval '20 seconds', now() + interval '30 minutes') RETURNING id`,
      [learner.id, skill],
    );
    await ctx.get(MatchingService).matchSkill(skill);
    expect(ok(await tutor.gql<{ myOffer: unknown }>(OPS.myOffer)).myOffer).toBeNull();
    // Reconciliation runs at most every 10 s; an earlier sweep in this file may have just run it.
    await ctx.get(RedisService).client.del(`${api.config.REDIS_PREFIX}:{tutoring}:reconcile-gate`);
    await ctx.get(SweepService).sweep();
    await ctx.get(MatchingService).matchSkill(skill);
    expect(
      ok(await tutor.gql<{ myOffer: { requestId: string } | null }>(OPS.myOffer)).myOffer?.requestId,
    ).toBe(rows[0].id);
  });

  it('refuses a request from someone in a live session', async () => {
    const tutor = await person(api, { proficientIn: [skill] });
    ok(await tutor.gql(OPS.setAvailability, { a: true }));
    const learner = await person(api);
    ok(await ask(learner));
    await ctx.get(MatchingService).matchSkill(skill);
    const offer = ok(await tutor.gql<{ myOffer: { id: string } }>(OPS.myOffer)).myOffer;
    ok(await tutor.gql(OPS.accept, { o: offer.id }));
    expect(errorCode(await tutor.gql(OPS.requestHelp, { s: SKILL }))).toBe('IN_SESSION');
    expect(errorCode(await learner.gql(OPS.cancel))).toBe('IN_SESSION');
  });

  it('does not let children tutor', async () => {
    const child = await person(api, { birthYear: CHILD, proficientIn: [skill] });
    expect(errorCode(await child.gql(OPS.setAvailability, { a: true }))).toBe('FORBIDDEN');
    expect(
      ok(await child.gql<{ myAvailability: { available: boolean } }>(OPS.myAvailability)).myAvailability
        .available,
    ).toBe(false);
  });
});
