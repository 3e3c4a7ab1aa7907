import { randomUUID } from 'node:crypto';
import { CURRICULUM } from '@peerlift/domain';
import { errorCode } from '@peerlift/testing';
import { LearnerSession, NEXT_EXERCISE } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;
const CHILD = CURRICULUM.find((s) => s.prerequisites.length === 1 && s.prerequisites[0] === ROOT)!;
const LOCKED = CURRICULUM.find((s) => s.prerequisites.length > 0 && !s.prerequisites.includes(ROOT))!.slug;

describe('practice', () => {
  let api: TestApi;
  let count: (table: string, userId: string) => Promise<number>;

  beforeAll(async () => {
    api = await startTestApi();
    count = async (table, userId) =>
      Number(
        (await api.sql.query(`SELECT count(*) FROM ${table} WHERE user_id = $1`, [userId])).rows[0].count,
      );
  });
  afterAll(() => api.close());

  it('lists the knowledge map with unlock state and prerequisites', async () => {
    const learner = await LearnerSession.signUp(api);
    const res = await learner.gql<{
      skills: {
        slug: string;
        unlocked: boolean;
        level: string;
        status: string;
        prerequisites: { slug: string }[];
        lesson: { text: string };
      }[];
    }>(`{ skills { slug unlocked level status prerequisites { slug } lesson { text } } }`);
    const skills = res.data!.skills;
    expect(skills.length).toBeGreaterThanOrEqual(30);
    expect(skills.find((s) => s.slug === ROOT)).toMatchObject({
      unlocked: true,
      level: 'NOT_STARTED',
      status: 'NOT_STARTED',
    });
    expect(skills.find((s) => s.slug === CHILD.slug)).toMatchObject({
      unlocked: false,
      prerequisites: [{ slug: ROOT }],
    });
    expect(skills.every((s) => s.lesson.text.length > 20)).toBe(true);
  });

  it('never exposes an expected answer on an exercise', async () => {
    const res = await api.gql<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "Exercise") { fields { name } } }`,
    );
    expect(res.data!.__type.fields.map((f) => f.name).sort()).toEqual(['id', 'prompt', 'skillSlug']);
    const learner = await LearnerSession.signUp(api);
    const raw = await learner.gql(`query($s: String!) { nextExercise(skillSlug: $s) { id expected } }`, {
      s: ROOT,
    });
    expect(errorCode(raw)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses unknown and locked skills, and anonymous callers', async () => {
    const learner = await LearnerSession.signUp(api);
    expect(errorCode(await learner.gql(NEXT_EXERCISE, { s: 'no-such-skill' }))).toBe('NOT_FOUND');
    expect(errorCode(await learner.gql(NEXT_EXERCISE, { s: LOCKED }))).toBe('SKILL_LOCKED');
    expect(errorCode(await learner.gql(NEXT_EXERCISE, { s: 'Not A Slug!' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(NEXT_EXERCISE, { s: ROOT }))).toBe('UNAUTHENTICATED');
    expect(await count('exercises', learner.userId)).toBe(0);
  });

  it('shows the same open exercise until it is answered, then a different one', async () => {
    const learner = await LearnerSession.signUp(api);
    const first = await learner.nextExercise(ROOT);
    expect(await learner.nextExercise(ROOT)).toEqual(first);
    await learner.submit(first.id, await learner.expectedAnswer(first.id));
    expect((await learner.nextExercise(ROOT)).id).not.toBe(first.id);
  });

  it('hands the next exercise back with the answer, the same one nextExercise then shows', async () => {
    const learner = await LearnerSession.signUp(api);
    const first = await learner.nextExercise(ROOT);
    const submit = `mutation($input: SubmitAnswerInput!) {
      submitAnswer(input: $input) { correct nextExercise { id skillSlug prompt } } }`;
    const input = {
      exerciseId: first.id,
      answer: await learner.expectedAnswer(first.id),
      idempotencyKey: randomUUID(),
    };
    const res = await learner.gql<{
      submitAnswer: { correct: boolean; nextExercise: { id: string; skillSlug: string; prompt: string } };
    }>(submit, { input });
    const next = res.data!.submitAnswer.nextExercise;
    expect(res.data!.submitAnswer.correct).toBe(true);
    expect(next.id).not.toBe(first.id);
    expect(next.skillSlug).toBe(ROOT);
    expect(await learner.nextExercise(ROOT)).toEqual(next);
    // A replay hands back the same open exercise, not another one.
    const replay = await learner.gql<{ submitAnswer: { nextExercise: { id: string } } }>(submit, { input });
    expect(replay.data!.submitAnswer.nextExercise.id).toBe(next.id);
    expect(await count('exercises', learner.userId)).toBe(2);
  });

  it.each([
    ['asked for with nextExercise', false],
    ['handed back with the answer (made by the answer statement)', true],
  ])('never repeats a prompt among the last ten of the skill: next exercise %s', async (_how, withAnswer) => {
    // The root skill has ~66 prompts: twenty random draws without the rule would repeat one almost surely.
    const learner = await LearnerSession.signUp(api);
    const submit = `mutation($input: SubmitAnswerInput!) {
      submitAnswer(input: $input) { correct nextExercise { id prompt } } }`;
    const prompts: string[] = [];
    let exercise = await learner.nextExercise(ROOT);
    for (let i = 0; i < 20; i++) {
      prompts.push(exercise.prompt);
      const answer = await learner.expectedAnswer(exercise.id);
      if (withAnswer) {
        const res = await learner.gql<{ submitAnswer: { nextExercise: { id: string; prompt: string } } }>(
          submit,
          { input: { exerciseId: exercise.id, answer, idempotencyKey: randomUUID() } },
        );
        exercise = res.data!.submitAnswer.nextExercise;
      } else {
        await learner.submit(exercise.id, answer);
        exercise = await learner.nextExercise(ROOT);
      }
    }
    for (let i = 1; i < prompts.length; i++) {
      expect(prompts.slice(Math.max(0, i - 10), i)).not.toContain(prompts[i]);
    }
  });

  it('pays for a right answer and shows the expected answer only after a wrong one', async () => {
    const learner = await LearnerSession.signUp(api);
    const right = await learner.answer(ROOT, true);
    // 15 for the answer + 50 for the First Steps badge (a meteorite) it earns.
    expect(right).toMatchObject({
      correct: true,
      expectedAnswer: null,
      streak: 1,
      level: 'ATTEMPTED',
      pointsAwarded: 15 + 50,
      totalPoints: 65,
    });
    expect(right.feedback.length).toBeGreaterThan(0);
    const wrong = await learner.answer(ROOT, false);
    expect(wrong).toMatchObject({ correct: false, streak: 0, pointsAwarded: 0, totalPoints: 65 });
    expect(wrong.expectedAnswer).toEqual(expect.any(String));
  });

  it('makes a skill PROFICIENT after 10 in a row, pays the bonus once and unlocks what depends on it', async () => {
    const learner = await LearnerSession.signUp(api);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await learner.answer(ROOT, true));
    const last = answers[9];
    expect(last).toMatchObject({
      streak: 10,
      streakToProficient: 10,
      level: 'PROFICIENT',
      status: 'PROFICIENT',
    });
    // The answer, the proficiency bonus, and Quick Thinker (10 in a row, each under 15 s: a moon badge).
    expect(last.pointsAwarded).toBe(15 + 150 + 100);
    expect(last.unlockedSkills.map((s) => s.slug)).toContain(CHILD.slug);
    const ledger = await api.sql.query(
      'SELECT coalesce(sum(amount), 0)::int AS sum FROM point_ledger WHERE user_id = $1',
      [learner.userId],
    );
    expect(last.totalPoints).toBe(ledger.rows[0].sum);
    expect((await learner.nextExercise(CHILD.slug)).prompt.length).toBeGreaterThan(0);
    const after = await learner.answer(ROOT, true);
    expect(after.level).toBe('PROFICIENT');
    expect(after.pointsAwarded).toBeLessThan(15); // Khan's diminishing returns after proficiency
  });

  it('replays the first result for a retried key and changes nothing', async () => {
    const learner = await LearnerSession.signUp(api);
    const ex = await learner.nextExercise(ROOT);
    const key = randomUUID();
    const first = await learner.submit(ex.id, await learner.expectedAnswer(ex.id), key);
    const again = await learner.submit(ex.id, 'a different answer entirely', key);
    expect(again.data).toEqual(first.data);
    expect(await count('attempts', learner.userId)).toBe(1);
    expect(await count('point_ledger', learner.userId)).toBe(2); // the answer and the First Steps badge
  });

  it('refuses a second answer with a new key, and a key reused on another exercise', async () => {
    const learner = await LearnerSession.signUp(api);
    const ex = await learner.nextExercise(ROOT);
    const key = randomUUID();
    await learner.submit(ex.id, await learner.expectedAnswer(ex.id), key);
    expect(errorCode(await learner.submit(ex.id, '1'))).toBe('ALREADY_ANSWERED');
    const next = await learner.nextExercise(ROOT);
    expect(errorCode(await learner.submit(next.id, '1', key))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('attempts', learner.userId)).toBe(1);
    expect(
      (await api.sql.query('SELECT answered_at FROM exercises WHERE id = $1', [next.id])).rows[0].answered_at,
    ).toBeNull();
  });

  it('records exactly one attempt when 20 identical requests arrive at once', async () => {
    const learner = await LearnerSession.signUp(api);
    const ex = await learner.nextExercise(ROOT);
    const answer = await learner.expectedAnswer(ex.id);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => learner.submit(ex.id, answer, key)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect(await count('attempts', learner.userId)).toBe(1);
    expect(await count('point_ledger', learner.userId)).toBe(2); // the answer and the First Steps badge
    expect(await count('user_badges', learner.userId)).toBe(1);
    const total = await api.sql.query('SELECT total_points FROM users WHERE id = $1', [learner.userId]);
    expect(total.rows[0].total_points).toBe(15 + 50);
  });

  it('applies every answer when one learner answers in two skills at once (no lost update)', async () => {
    const learner = await LearnerSession.signUp(api);
    for (let i = 0; i < 10; i++) await learner.answer(ROOT, true); // unlocks CHILD
    const roots = [{ slug: ROOT }, CHILD];
    const rounds = 6;
    for (let i = 0; i < rounds; i++) {
      const exercises = await Promise.all(roots.map((s) => learner.nextExercise(s.slug)));
      const answers = await Promise.all(exercises.map((e) => learner.expectedAnswer(e.id)));
      // Both answers read the same progress row; only the guard keeps one from overwriting the other.
      const results = await Promise.all(exercises.map((e, j) => learner.submit(e.id, answers[j])));
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    }
    expect(await count('attempts', learner.userId)).toBe(10 + 2 * rounds);
    const progress = await api.sql.query(
      'SELECT total_correct, correct_today, version FROM learner_progress WHERE user_id = $1',
      [learner.userId],
    );
    expect(progress.rows[0]).toEqual({
      total_correct: 10 + 2 * rounds,
      correct_today: 10 + 2 * rounds,
      version: 10 + 2 * rounds,
    });
    const mastery = await api.sql.query(
      'SELECT skill_slug, attempts, streak FROM mastery WHERE user_id = $1',
      [learner.userId],
    );
    const bySlug = Object.fromEntries(mastery.rows.map((r: { skill_slug: string }) => [r.skill_slug, r]));
    expect(bySlug[ROOT]).toMatchObject({ attempts: 10 + rounds, streak: 10 + rounds });
    expect(bySlug[CHILD.slug]).toMatchObject({ attempts: rounds, streak: rounds });
    const money = await api.sql.query(
      `SELECT u.total_points, (SELECT sum(amount)::int FROM point_ledger WHERE user_id = u.id) AS ledger
       FROM users u WHERE u.id = $1`,
      [learner.userId],
    );
    expect(money.rows[0].total_points).toBe(money.rows[0].ledger);
  });

  it('gives up with TRY_AGAIN, changing nothing, when every guarded write loses', async () => {
    const learner = await LearnerSession.signUp(api);
    await learner.answer(ROOT, true); // the progress row exists from here on
    // A trigger that swallows this learner's progress updates makes every guarded write find nothing to
    // update, as if another answer had always just moved the version; it counts the rounds tried.
    await api.sql.query(`CREATE TABLE guard_rounds (at timestamptz DEFAULT now())`);
    await api.sql.query(`
      CREATE FUNCTION swallow_progress_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO guard_rounds DEFAULT VALUES; RETURN NULL; END $$`);
    await api.sql.query(`
      CREATE TRIGGER swallow_progress_update BEFORE UPDATE ON learner_progress FOR EACH ROW
      WHEN (OLD.user_id = '${learner.userId}') EXECUTE FUNCTION swallow_progress_update()`);
    try {
      const ex = await learner.nextExercise(ROOT);
      const res = await learner.submit(ex.id, await learner.expectedAnswer(ex.id));
      expect(errorCode(res)).toBe('TRY_AGAIN');
      expect(Number((await api.sql.query(`SELECT count(*) FROM guard_rounds`)).rows[0].count)).toBe(8);
      expect(await count('attempts', learner.userId)).toBe(1);
      expect(await count('point_ledger', learner.userId)).toBe(2); // the first answer and its badge
      const open = await api.sql.query(`SELECT answered_at FROM exercises WHERE id = $1`, [ex.id]);
      expect(open.rows[0].answered_at).toBeNull();
    } finally {
      await api.sql.query(`DROP TRIGGER swallow_progress_update ON learner_progress`);
      await api.sql.query(`DROP FUNCTION swallow_progress_update(); DROP TABLE guard_rounds`);
    }
    // With nothing in the way the same exercise is answered normally.
    const ex = await learner.nextExercise(ROOT);
    const res = await learner.submit(ex.id, await learner.expectedAnswer(ex.id));
    expect(res.data?.submitAnswer.correct).toBe(true);
  });

  it.each([
    [
      'someone else’s exercise',
      async (_me: LearnerSession, other: LearnerSession) => (await other.nextExercise(ROOT)).id,
      '1',
      'NOT_FOUND',
    ],
    ['an unknown exercise', () => Promise.resolve(randomUUID()), '1', 'NOT_FOUND'],
    ['a malformed exercise id', () => Promise.resolve('not-a-uuid'), '1', 'BAD_USER_INPUT'],
    [
      'an answer over 1 KB',
      async (me: LearnerSession) => (await me.nextExercise(ROOT)).id,
      '1'.repeat(1025),
      'BAD_USER_INPUT',
    ],
  ])('refuses %s and changes nothing', async (_name, exerciseId, answer, code) => {
    const me = await LearnerSession.signUp(api);
    const other = await LearnerSession.signUp(api);
    const id = await exerciseId(me, other);
    expect(errorCode(await me.submit(id, answer))).toBe(code);
    expect(await count('attempts', me.userId)).toBe(0);
    expect(await count('attempts', other.userId)).toBe(0);
    expect(await count('point_ledger', me.userId)).toBe(0);
  });

  it('refuses wrong variable types and bad idempotency keys', async () => {
    const me = await LearnerSession.signUp(api);
    const ex = await me.nextExercise(ROOT);
    const typeError = await me.gql(
      `mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) { correct } }`,
      {
        input: { exerciseId: ex.id, answer: 42, idempotencyKey: randomUUID() },
      },
    );
    expect(errorCode(typeError)).toBe('BAD_USER_INPUT');
    expect(errorCode(await me.submit(ex.id, '1', 'short'))).toBe('BAD_USER_INPUT');
    expect(await count('attempts', me.userId)).toBe(0);
  });

  it('records lesson and video activity, refusing inconsistent events', async () => {
    const me = await LearnerSession.signUp(api);
    const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) }`;
    expect((await me.gql(RECORD, { input: { kind: 'LESSON_VIEWED', skillSlug: ROOT } })).data).toEqual({
      recordActivity: true,
    });
    expect(
      (await me.gql(RECORD, { input: { kind: 'VIDEO_SEEK', skillSlug: ROOT, positionSeconds: 42.5 } })).data,
    ).toEqual({ recordActivity: true });
    expect(errorCode(await me.gql(RECORD, { input: { kind: 'VIDEO_PLAY', skillSlug: ROOT } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(
        await me.gql(RECORD, { input: { kind: 'VIDEO_PLAY', skillSlug: ROOT, positionSeconds: -1 } }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await me.gql(RECORD, { input: { kind: 'LESSON_VIEWED', skillSlug: 'nope' } }))).toBe(
      'NOT_FOUND',
    );
    const { rows } = await api.sql.query(
      'SELECT kind, position_seconds FROM activity_events WHERE user_id = $1 ORDER BY id',
      [me.userId],
    );
    expect(rows).toEqual([
      { kind: 'LESSON_VIEWED', position_seconds: null },
      { kind: 'VIDEO_SEEK', position_seconds: 42.5 },
    ]);
  });
});
