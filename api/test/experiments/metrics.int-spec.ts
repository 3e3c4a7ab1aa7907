import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  EXPOSURE_TABLES,
  METRIC_KEYS,
  METRIC_SQL,
  metricSummariesSql,
  type MetricKey,
} from '@peerlift/experiments';
import { ExperimentResultsService } from '../../src/experiments/experiment-results.service';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  experimenterToken,
  insertLearners,
  RESULTS,
  START,
  STOP,
  type Results,
} from './experiment-test-support';

/**
 * Every metric of the catalogue, computed by its SQL over hand-made events with known answers: events
 * before a learner's first exposure, after the phase stopped, or of other learners must not count.
 *
 *   L1 control    exposed T0   3 answers (2 right) + 1 before T0; answered again the next day; proficient;
 *                              asked for help, completed a session, rated it 4
 *   L2 control    exposed T0   no answers; proficient only before T0
 *   L3 treatment  exposed T0   1 right answer; help request, session and rating all before T0;
 *                              reported once after T0 (and once before)
 *   L4 treatment  exposed 1 h ago  1 right answer; asked for help; a session that did not complete, rated 2
 *
 * T0 is 08:00 UTC three days ago, so "the next day" has ended for L1–L3 and not for L4.
 */
const KEY = 'stuck-prompt-peer-invite';
const execFileAsync = promisify(execFile);
type Sums = [n: number, sum: number, sumSquares: number];

const EXPECTED: Record<MetricKey, { control: Sums; treatment: Sums }> = {
  answers: { control: [2, 3, 9], treatment: [2, 2, 2] },
  accuracy: { control: [1, 2 / 3, 4 / 9], treatment: [2, 2, 2] },
  proficiency_reached: { control: [2, 1, 1], treatment: [2, 0, 0] },
  help_requested: { control: [2, 1, 1], treatment: [2, 1, 1] },
  session_completed: { control: [2, 1, 1], treatment: [2, 0, 0] },
  tutor_rating: { control: [1, 4, 16], treatment: [1, 2, 4] },
  next_day_return: { control: [2, 1, 1], treatment: [1, 0, 0] },
  points_per_active_learner: { control: [1, 165, 165 * 165], treatment: [2, 45, 15 * 15 + 30 * 30] },
  reports: { control: [2, 0, 0], treatment: [2, 1, 1] },
};

describe('experiment metrics', () => {
  let api: TestApi;
  let token: string;
  let L: string[];
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const T0 = new Date(today.getTime() - 3 * 86_400_000 + 8 * 3_600_000);
  const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  beforeAll(async () => {
    api = await startTestApi();
    token = await experimenterToken(api);
    await api.gql(START, { key: KEY }, token);
    const [tutor, ...learners] = await insertLearners(api, 5, 99);
    L = learners;
    await seedEvents(api, { tutor, L, at, ago });
  });
  afterAll(() => api.close());

  async function sums(metric: MetricKey, unit: 'user' | 'classroom' = 'user'): Promise<Record<string, Sums>> {
    const { rows } = await api.sql.query<{
      variation_key: string;
      n: number;
      sum: number;
      sum_squares: number;
    }>(metricSummariesSql(metric, unit), [KEY, 1, new Date().toISOString()]);
    return Object.fromEntries(rows.map((r) => [r.variation_key, [r.n, r.sum, r.sum_squares] as Sums]));
  }

  it('reads only tables that exist here (every source table of every metric)', async () => {
    const tables = [...EXPOSURE_TABLES, ...METRIC_KEYS.flatMap((metric) => METRIC_SQL[metric].sourceTables)];
    const { rows } = await api.sql.query(`SELECT t FROM unnest($1::text[]) t WHERE to_regclass(t) IS NULL`, [
      tables,
    ]);
    expect(rows).toEqual([]);
  });

  it.each(METRIC_KEYS)('computes %s per learner within the exposure window', async (metric) => {
    const got = await sums(metric);
    const want = EXPECTED[metric];
    for (const [variation, expected] of [
      ['ask-for-help', want.control],
      ['invite-peer', want.treatment],
    ] as const) {
      const [n, sum, sumSquares] = got[variation] ?? [0, 0, 0];
      expect(n).toBe(expected[0]);
      expect(sum).toBeCloseTo(expected[1], 9);
      expect(sumSquares).toBeCloseTo(expected[2], 9);
    }
  });

  it('counts classrooms, not learners, for a classroom-randomised experiment', async () => {
    await api.sql.query(
      `UPDATE experiment_exposures SET hash_value = CASE WHEN user_id = ANY($1::uuid[]) THEN 'room-a' ELSE user_id::text END`,
      [[L[0], L[1]]],
    );
    // L1 and L2 share a room: one unit with mean (3 + 0) / 2 answers.
    expect((await sums('answers', 'classroom'))['ask-for-help']).toEqual([1, 1.5, 2.25]);
    await api.sql.query(`UPDATE experiment_exposures SET hash_value = user_id::text`);
  });

  it('serves the same numbers through experimentResults, and marks a metric whose table is missing', async () => {
    const res = await api.gql<{ experimentResults: Results }>(RESULTS, { key: KEY }, token);
    const results = res.data!.experimentResults;
    expect(results.exposures.map((row) => row.units)).toEqual([2, 2]);
    const reports = results.metrics.find((m) => m.metric === 'reports')!;
    expect(reports.variations.map((row) => [row.users, row.mean])).toEqual([
      [2, 0],
      [2, 0.5],
    ]);
    // Without the reports table (as on a database before the tutoring feature) the metric is unavailable.
    await api.sql.query(`ALTER TABLE user_reports RENAME TO user_reports_hidden`);
    try {
      await api.app.get(ExperimentResultsService).refreshSnapshot(KEY, 1); // what the worker's job runs
      const after = (await api.gql<{ experimentResults: Results }>(RESULTS, { key: KEY }, token)).data!
        .experimentResults;
      expect(after.metrics.find((m) => m.metric === 'reports')).toMatchObject({
        available: false,
        guardrailStatus: 'UNAVAILABLE',
        variations: [],
      });
      expect(after.metrics.find((m) => m.metric === 'help_requested')!.available).toBe(true);
    } finally {
      await api.sql.query(`ALTER TABLE user_reports_hidden RENAME TO user_reports`);
    }
  });

  it('prints the same results with `npm run experiments -- report KEY` and writes the lift chart', async () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'peerlift-report-')), 'chart.svg');
    const run = (...args: string[]) =>
      execFileAsync('node_modules/.bin/tsx', ['experiments/src/run-cli.ts', 'report', ...args], {
        env: { ...process.env, DATABASE_URL: api.config.DATABASE_URL },
      });
    const { stdout } = await run(KEY, '--svg', svg);
    expect(stdout).toMatch(/^experiment stuck-prompt-peer-invite · phase 1 · unit user/);
    expect(stdout).toMatch(/exposed: ask-for-help 2 \(50\.0% of 50\.0% planned\), invite-peer 2/);
    expect(stdout).toMatch(/^reports\s+guardrail:ok\s+invite-peer\s+2\s+0\.5000\s/m);
    expect(readFileSync(svg, 'utf8')).toMatch(
      /^<svg[\s\S]*stuck-prompt-peer-invite · help_requested · phase 1[\s\S]*<\/svg>\n$/,
    );
    await expect(run('proficiency-streak-length')).rejects.toMatchObject({
      code: 1,
      stderr: 'experiments: proficiency-streak-length has never been started\n',
    });
  }, 30_000);

  it('ignores events after the phase stopped', async () => {
    expect((await api.gql(STOP, { key: KEY }, token)).errors).toBeUndefined();
    const before = await sums('answers');
    await insertAttempt(api, L[2], new Date(), true);
    expect(await sums('answers')).toEqual(before);
  });
});

async function insertAttempt(api: TestApi, userId: string, when: Date, correct: boolean): Promise<void> {
  const exerciseId = randomUUID();
  await api.sql.query(
    `INSERT INTO exercises (id, user_id, skill_slug, seed, prompt, expected, created_at, answered_at)
     VALUES ($1, $2, 'add-within-10', 1, '1 + 1', '{"kind":"integer","value":2}', $3, $3)`,
    [exerciseId, userId, when],
  );
  await api.sql.query(
    `INSERT INTO attempts (user_id, exercise_id, skill_slug, answer, correct, idempotency_key, result, created_at)
     VALUES ($1, $2, 'add-within-10', '2', $3, $4, '{}', $5)`,
    [userId, exerciseId, correct, randomUUID(), when],
  );
}

async function seedEvents(
  api: TestApi,
  f: { tutor: string; L: string[]; at: (hours: number) => Date; ago: (minutes: number) => Date },
): Promise<void> {
  const { tutor, L, at, ago } = f;
  const q = (sql: string, params: unknown[]) => api.sql.query(sql, params);
  const expose = [
    [L[0], 'ask-for-help', at(0)],
    [L[1], 'ask-for-help', at(0)],
    [L[2], 'invite-peer', at(0)],
    [L[3], 'invite-peer', ago(60)],
  ] as const;
  for (const [user, variation, when] of expose) {
    await q(
      `INSERT INTO experiment_exposures (experiment_key, phase, user_id, variation_key, hash_value, first_seen_at)
       VALUES ($1, 1, $2::uuid, $3, $2::text, $4)`,
      [KEY, user, variation, when],
    );
  }
  // The phase started "before" T0, as it would have in real life.
  await q(`UPDATE experiment_phases SET started_at = $2 WHERE experiment_key = $1`, [KEY, at(-1)]);
  for (const [user, when, correct] of [
    [L[0], at(-1), true],
    [L[0], at(1), true],
    [L[0], at(2), false],
    [L[0], nextDayNoon(at(0)), true],
    [L[2], at(1), true],
    [L[3], ago(30), true],
  ] as const) {
    await insertAttempt(api, user, when, correct);
  }
  for (const [user, amount, source, when] of [
    [L[0], 15, 'answer:1', at(1)],
    [L[0], 150, 'proficiency:add-within-10', at(2)],
    [L[1], 150, 'proficiency:add-within-10', at(-1)],
    [L[2], 15, 'answer:2', at(1)],
    [L[3], 30, 'answer:3', ago(30)],
  ] as const) {
    await q(
      `INSERT INTO point_ledger (user_id, reason, amount, source_key, created_at) VALUES ($1, 'CORRECT_ANSWER', $2, $3, $4)`,
      [user, amount, source, when],
    );
  }
  await helpAndSession(api, {
    learner: L[0],
    tutor,
    asked: at(3),
    ended: at(3.5),
    completed: true,
    stars: 4,
  });
  await helpAndSession(api, {
    learner: L[2],
    tutor,
    asked: at(-1),
    ended: at(-0.5),
    completed: true,
    stars: 5,
  });
  await helpAndSession(api, {
    learner: L[3],
    tutor,
    asked: ago(20),
    ended: ago(10),
    completed: false,
    stars: 2,
  });
  for (const when of [at(5), at(-5)]) {
    await q(
      `INSERT INTO user_reports (reporter_id, reported_user_id, reason, created_at) VALUES ($1, $2, 'SPAM', $3)`,
      [tutor, L[2], when],
    );
  }
}

/** A closed help request, its accepted offer, an ended session and the learner's rating. */
async function helpAndSession(
  api: TestApi,
  s: { learner: string; tutor: string; asked: Date; ended: Date; completed: boolean; stars: number },
): Promise<void> {
  const [requestId, offerId, sessionId] = [randomUUID(), randomUUID(), randomUUID()];
  const q = (sql: string, params: unknown[]) => api.sql.query(sql, params);
  await q(
    `INSERT INTO help_requests (id, learner_id, skill_slug, state, created_at, expires_at, matched_at, closed_at)
     VALUES ($1, $2, 'add-within-10', 'CLOSED', $3, $3::timestamptz + interval '30 minutes', $3, $4)`,
    [requestId, s.learner, s.asked, s.ended],
  );
  await q(
    `INSERT INTO tutoring_offers (id, request_id, tutor_id, state, fence, created_at, expires_at, responded_at)
     VALUES ($1, $2, $3, 'ACCEPTED', 1, $4, $4::timestamptz + interval '15 seconds', $4)`,
    [offerId, requestId, s.tutor, s.asked],
  );
  await q(
    `INSERT INTO tutoring_sessions (id, request_id, offer_id, tutor_id, learner_id, skill_slug, state, involves_minor,
       started_at, ended_at, completed)
     VALUES ($1, $2, $3, $4, $5, 'add-within-10', 'ENDED', true, $6::timestamptz + interval '1 minute', $7, $8)`,
    [sessionId, requestId, offerId, s.tutor, s.learner, s.asked, s.ended, s.completed],
  );
  await q(
    `INSERT INTO session_ratings (session_id, rater_id, stars, helpful, created_at) VALUES ($1, $2, $3, true, $4)`,
    [sessionId, s.learner, s.stars, s.ended],
  );
}

function nextDayNoon(t: Date): Date {
  const day = new Date(t);
  day.setUTCHours(0, 0, 0, 0);
  return new Date(day.getTime() + 36 * 3_600_000);
}
