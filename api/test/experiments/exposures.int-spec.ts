import { createSeededRng } from '@peerlift/domain';
import { hashV2Bucket } from '@peerlift/experiments';
import { errorCode } from '@peerlift/testing';
import { ExposureRecorder } from '../../src/experiments/exposure-recorder.service';
import { ParametersService } from '../../src/experiments/parameters.service';
import { RedisService } from '../../src/redis/redis.module';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  experimenterToken,
  flushExposures,
  RECORD_EXPOSURE,
  seededUuid,
  START,
  STOP,
} from './experiment-test-support';

const FEEDBACK = 'correct-feedback-wording';
const POINTS = 'points-per-correct-answer';
const STUCK = 'stuck-prompt-peer-invite';

describe('exposure logging', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    token = await experimenterToken(api);
    for (const key of [FEEDBACK, POINTS, STUCK]) await api.gql(START, { key }, token);
  });
  afterAll(() => api.close());

  const exposuresOf = async (userId: string) =>
    (
      await api.sql.query<{
        experiment_key: string;
        phase: number;
        variation_key: string;
        hash_value: string;
      }>(
        `SELECT experiment_key, phase, variation_key, hash_value FROM experiment_exposures
         WHERE user_id = $1 ORDER BY experiment_key, phase`,
        [userId],
      )
    ).rows;

  it('logs a learner once per experiment and phase however often they see it, and always the same arm', async () => {
    const learner = await LearnerSession.signUp(api);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await learner.answer('add-within-10', true));
    await Promise.all(
      Array.from({ length: 10 }, () => learner.gql(RECORD_EXPOSURE, { p: 'copy.stuckPrompt' })),
    );
    await flushExposures(api);
    const rows = await exposuresOf(learner.userId);
    expect(rows.map((row) => [row.experiment_key, row.phase, row.hash_value])).toEqual([
      [FEEDBACK, 1, learner.userId],
      [POINTS, 1, learner.userId],
      [STUCK, 1, learner.userId],
    ]);
    expect(new Set(answers.map((answer) => answer.feedback)).size).toBe(1);
    const ttl = await api.app
      .get(RedisService)
      .client.ttl(api.app.get(RedisService).key('exposure', FEEDBACK, 1, learner.userId));
    expect(ttl).toBeGreaterThan(0);
  });

  it('logs only what was read: listing skills exposes a learner to no wording or points experiment', async () => {
    const learner = await LearnerSession.signUp(api);
    const res = await learner.gql(`query { skills { slug streakToProficient } }`);
    expect(res.errors).toBeUndefined();
    await flushExposures(api);
    expect(await exposuresOf(learner.userId)).toEqual([]);
    await learner.answer('add-within-10', false); // a wrong answer reads point values, not the praise
    await flushExposures(api);
    expect((await exposuresOf(learner.userId)).map((row) => row.experiment_key)).toEqual([POINTS]);
  });

  it('keeps exactly one row when several api processes log the same learner at once', async () => {
    const learner = await LearnerSession.signUp(api);
    const redis = api.app.get(RedisService);
    const parameters = api.app.get(ParametersService);
    // Clearing the Redis claim between calls forces every call through to Postgres, as if each came
    // from a different process whose claim had expired.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        await redis.client.del(redis.key('exposure', STUCK, 1, learner.userId));
        await parameters.recordExposure(learner.userId, 'copy.stuckPrompt');
      }),
    );
    await flushExposures(api);
    expect((await exposuresOf(learner.userId)).filter((row) => row.experiment_key === STUCK)).toHaveLength(1);
  });

  it('refuses an unknown parameter and logs nothing', async () => {
    const learner = await LearnerSession.signUp(api);
    expect(errorCode(await learner.gql(RECORD_EXPOSURE, { p: 'points.everything' }))).toBe('BAD_USER_INPUT');
    await flushExposures(api);
    expect(await exposuresOf(learner.userId)).toEqual([]);
  });

  it("puts the learner's points arm in the league key without logging an exposure", async () => {
    const learner = await LearnerSession.signUp(api);
    const parameters = api.app.get(ParametersService);
    const arm = await parameters.pointsArmKey(learner.userId);
    await flushExposures(api);
    expect(await exposuresOf(learner.userId)).toEqual([]);
    await learner.answer('add-within-10', true);
    await flushExposures(api);
    const [points] = (await exposuresOf(learner.userId)).filter((row) => row.experiment_key === POINTS);
    expect(arm).toBe(`${POINTS}=${points.variation_key}`);
  });

  it('drops an exposure seen after its phase stopped (a replica with a stale payload)', async () => {
    const learner = await LearnerSession.signUp(api);
    await api.gql(STOP, { key: STUCK }, token);
    api.app.get(ExposureRecorder).record({
      experimentKey: STUCK,
      phase: 1,
      userId: learner.userId,
      variationKey: 'invite-peer',
      hashValue: learner.userId,
      seenAt: new Date(),
    });
    await flushExposures(api);
    expect(await exposuresOf(learner.userId)).toEqual([]);
    expect(await api.app.get(ParametersService).pointsArmKey(learner.userId)).toMatch(
      /^points-per-correct-answer=/,
    );
  });

  it('starts afresh in a new phase, where the learner keeps the arm the same weights give them', async () => {
    const learner = await LearnerSession.signUp(api);
    await learner.answer('add-within-10', true);
    await api.gql(STOP, { key: FEEDBACK }, token);
    await api.gql(START, { key: FEEDBACK }, token);
    await learner.answer('add-within-10', true);
    await flushExposures(api);
    const feedback = (await exposuresOf(learner.userId)).filter((row) => row.experiment_key === FEEDBACK);
    expect(feedback.map((row) => row.phase)).toEqual([1, 2]);
    expect(feedback[0].variation_key).toBe(feedback[1].variation_key);
  });
});

describe('classroom-randomised exposure', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.gql(START, { key: 'proficiency-streak-length' }, await experimenterToken(api));
  });
  afterAll(() => api.close());

  it('gives each classroom one rule, hashes by classroom, and leaves learners without one out', async () => {
    const coach = await LearnerSession.signUp(api, { role: 'COACH', birthYear: 1985 });
    const rng = createSeededRng(48);
    const classrooms = Array.from({ length: 8 }, () => seededUuid(rng));
    await api.sql.query(
      `INSERT INTO classrooms (id, coach_id, name, join_code)
       SELECT id, $2, 'Maths', 'M' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [classrooms, coach.userId],
    );
    const members: { session: LearnerSession; classroomId: string }[] = [];
    for (const classroomId of classrooms) {
      for (let i = 0; i < 3; i++) {
        const session = await LearnerSession.signUp(api);
        await api.sql.query(`INSERT INTO classroom_members (classroom_id, user_id) VALUES ($1, $2)`, [
          classroomId,
          session.userId,
        ]);
        members.push({ session, classroomId });
      }
    }
    const loner = await LearnerSession.signUp(api);
    const ruleOf = new Map<string, Set<number>>();
    for (const { session, classroomId } of members) {
      const rule = (await session.answer('add-within-10', true)).streakToProficient;
      ruleOf.set(classroomId, (ruleOf.get(classroomId) ?? new Set()).add(rule));
    }
    expect([...ruleOf.values()].every((rules) => rules.size === 1)).toBe(true);
    expect((await loner.answer('add-within-10', true)).streakToProficient).toBe(10);
    await flushExposures(api);
    const logged = await api.sql.query<{ user_id: string; hash_value: string; variation_key: string }>(
      `SELECT user_id, hash_value, variation_key FROM experiment_exposures`,
    );
    // The experiment holds half the namespace: exactly the classrooms hashed into [0, 0.5) take part.
    const inExperiment = classrooms.filter((id) => hashV2Bucket('ns-mastery.streakToProficient', id) < 0.5);
    expect(inExperiment.length).toBeGreaterThan(0);
    expect(logged.rows.map((row) => row.user_id).sort()).toEqual(
      members
        .filter((m) => inExperiment.includes(m.classroomId))
        .map((m) => m.session.userId)
        .sort(),
    );
    for (const row of logged.rows) {
      const rule = [...ruleOf.get(row.hash_value)!][0];
      expect(row.variation_key).toBe(rule === 10 ? 'streak-10' : 'streak-7');
    }
  }, 30_000);
});
