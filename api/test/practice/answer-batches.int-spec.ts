import { randomUUID } from 'node:crypto';
import { CURRICULUM } from '@peerlift/domain';
import { AnswerBatches } from '../../src/practice/answer-batches';
import { SubmitAnswerService } from '../../src/practice/submit-answer.service';
import type { PeerliftError } from '../../src/graphql/peerlift-error';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';

const ROOT = CURRICULUM.find((s) => s.prerequisites.length === 0)!.slug;

/**
 * Answers from many learners arriving together share one read and one write statement (AnswerBatches).
 * These calls go to the service directly, all in one turn of the event loop, so they are sure to share
 * batches; each must come out exactly as if answered alone.
 */
describe('answers written in shared batches', () => {
  let api: TestApi;
  let service: SubmitAnswerService;
  let batches: AnswerBatches;

  beforeAll(async () => {
    api = await startTestApi();
    service = api.app.get(SubmitAnswerService);
    batches = api.app.get(AnswerBatches);
  });
  afterAll(() => api.close());

  async function learnersWithExercises(n: number) {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const learner = await LearnerSession.signUp(api);
        const exercise = await learner.nextExercise(ROOT);
        return { learner, exercise, expected: await learner.expectedAnswer(exercise.id) };
      }),
    );
  }

  it('applies each of a dozen learners’ answers, sent together, to that learner alone', async () => {
    const people = await learnersWithExercises(12);
    const before = batches.stats();
    // Even learners answer right, odd ones wrong.
    const results = await Promise.all(
      people.map(({ learner, exercise, expected }, i) =>
        service.submit(
          learner.userId,
          {
            exerciseId: exercise.id,
            answer: i % 2 ? `${expected}9` : expected,
            idempotencyKey: randomUUID(),
          },
          { withNext: true },
        ),
      ),
    );
    const after = batches.stats();
    // One read and one write statement for all twelve (the proof that they really were batched).
    expect(after.reads.batches - before.reads.batches).toBe(1);
    expect(after.writes.batches - before.writes.batches).toBe(1);

    for (const [i, { learner, exercise }] of people.entries()) {
      const r = results[i];
      expect(r.correct).toBe(i % 2 === 0);
      // A first right answer pays the answer's points (and a first badge's, for everyone alike).
      if (r.correct) expect(r.pointsAwarded).toBeGreaterThanOrEqual(15);
      expect(r.totalPoints).toBe(r.pointsAwarded);
      const { rows } = await api.sql.query<{
        attempts: number;
        ledger: number;
        total: number;
        streak: number;
        next_owner: string;
        open: number;
      }>(
        `SELECT (SELECT count(*)::int FROM attempts WHERE user_id = $1 AND exercise_id = $2) AS attempts,
                (SELECT coalesce(sum(amount), 0)::int FROM point_ledger WHERE user_id = $1) AS ledger,
                (SELECT total_points FROM users WHERE id = $1) AS total,
                (SELECT streak FROM mastery WHERE user_id = $1 AND skill_slug = $4) AS streak,
                (SELECT user_id FROM exercises WHERE id = $3)::text AS next_owner,
                (SELECT count(*)::int FROM exercises WHERE user_id = $1 AND answered_at IS NULL) AS open`,
        [learner.userId, exercise.id, r.createdNext!.id, ROOT],
      );
      expect(rows[0]).toEqual({
        attempts: 1,
        ledger: r.pointsAwarded,
        total: r.pointsAwarded,
        streak: i % 2 ? 0 : 1,
        next_owner: learner.userId,
        open: 1,
      });
      expect(r.createdNext!.id).not.toBe(exercise.id);
    }
  });

  it('fails only the answer whose idempotency key was already used, when the others came with it', async () => {
    const people = await learnersWithExercises(9);
    const [reuser] = people;
    const key = randomUUID();
    await service.submit(reuser.learner.userId, {
      exerciseId: reuser.exercise.id,
      answer: reuser.expected,
      idempotencyKey: key,
    });
    const next = await reuser.learner.nextExercise(ROOT);
    const before = batches.stats();
    const settled = await Promise.allSettled([
      service.submit(reuser.learner.userId, { exerciseId: next.id, answer: '1', idempotencyKey: key }),
      ...people.slice(1).map(({ learner, exercise, expected }) =>
        service.submit(learner.userId, {
          exerciseId: exercise.id,
          answer: expected,
          idempotencyKey: randomUUID(),
        }),
      ),
    ]);
    const after = batches.stats();
    expect(settled[0].status).toBe('rejected');
    expect(((settled[0] as PromiseRejectedResult).reason as PeerliftError).extensions.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(
      settled
        .slice(1)
        .every((s) => s.status === 'fulfilled' && s.value.correct && s.value.pointsAwarded >= 15),
    ).toBe(true);
    // The shared write failed once, then each of the nine ran alone.
    expect(after.writes.failedBatches - before.writes.failedBatches).toBe(1);
    expect(after.writes.batches - before.writes.batches).toBe(1 + 9);
    const { rows } = await api.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attempts WHERE exercise_id = $1`,
      [next.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
