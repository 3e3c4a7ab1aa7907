import type { INestApplication } from '@nestjs/common';
import { errorCode } from '@peerlift/testing';
import { EXPERIMENT_DEFINITIONS } from '@peerlift/experiments';
import { createApiApp } from '../../src/bootstrap';
import { FeaturesPayloadService } from '../../src/experiments/features-payload.service';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { EXPERIMENTS, experimenterToken, RESULTS, START, STOP } from './experiment-test-support';

// Reloads come only from pub/sub or this process's own changes here (no periodic reload during the test).
const ENV = { EXPERIMENTS_RELOAD_SECONDS: '3600' };
const FEEDBACK = 'correct-feedback-wording';

interface ExperimentRow {
  key: string;
  status: string;
  phase: number;
  definitionChanged: boolean;
  winner: string | null;
  variations: { key: string; value: string; weight: number }[];
}
interface Rule {
  key?: string;
  phase?: string;
  force?: unknown;
  weights?: number[];
  variations?: unknown[];
}
type Payload = {
  status: number;
  features: Record<string, { defaultValue: unknown; rules: Rule[] }>;
  dateUpdated: string;
};

describe('experiment state and the served payload', () => {
  let api: TestApi;
  let token: string;
  let learner: LearnerSession;

  beforeAll(async () => {
    api = await startTestApi(ENV);
    token = await experimenterToken(api);
    learner = await LearnerSession.signUp(api);
  });
  afterAll(() => api.close());

  const gql = <T>(query: string, variables?: Record<string, unknown>) => api.gql<T>(query, variables, token);
  const payload = async (base = api.url): Promise<Payload> =>
    (await (await fetch(`${base}/api/features/sdk-peerlift`)).json()) as Payload;
  const stateRows = async () =>
    (
      await api.sql.query<{ key: string; status: string; phase: number }>(
        `SELECT key, status, phase FROM experiments ORDER BY key`,
      )
    ).rows;

  it('refuses every experiment operation to learners, coaches and anonymous callers, changing nothing', async () => {
    const coach = await LearnerSession.signUp(api, { role: 'COACH', birthYear: 1985 });
    for (const [query, variables] of [
      [EXPERIMENTS, {}],
      [RESULTS, { key: FEEDBACK }],
      [START, { key: FEEDBACK }],
      [STOP, { key: FEEDBACK }],
    ] as const) {
      expect(errorCode(await learner.gql(query, variables))).toBe('FORBIDDEN');
      expect(errorCode(await coach.gql(query, variables))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(query, variables))).toBe('UNAUTHENTICATED');
    }
    expect(await stateRows()).toEqual([]);
  });

  it('lists every definition in code as a draft at phase 0', async () => {
    const res = await gql<{ experiments: ExperimentRow[] }>(EXPERIMENTS);
    expect(res.data!.experiments.map((e) => [e.key, e.status, e.phase])).toEqual(
      EXPERIMENT_DEFINITIONS.map((d) => [d.key, 'DRAFT', 0]),
    );
  });

  it('serves the defaults without rules before anything runs, and 404 for an unknown client key', async () => {
    const served = await payload();
    expect(served.status).toBe(200);
    expect(Object.values(served.features).every((feature) => feature.rules.length === 0)).toBe(true);
    expect(served.features['points.correctAnswer'].defaultValue).toBe(15);
    const wrong = await fetch(`${api.url}/api/features/not-our-key`);
    expect(wrong.status).toBe(404);
  });

  it('starts an experiment as phase 1, serves its rule at once, and treats a repeated start as a no-op', async () => {
    const first = await gql<{ startExperiment: { status: string; phase: number } }>(START, { key: FEEDBACK });
    expect(first.data!.startExperiment).toMatchObject({ status: 'RUNNING', phase: 1 });
    const [rule] = (await payload()).features['copy.correctFeedback'].rules;
    expect(rule).toMatchObject({ key: FEEDBACK, phase: '1', hashVersion: 2, seed: FEEDBACK });
    const again = await gql<{ startExperiment: { phase: number } }>(START, { key: FEEDBACK });
    expect(again.data!.startExperiment.phase).toBe(1);
    expect((await api.sql.query(`SELECT count(*)::int AS n FROM experiment_phases`)).rows[0].n).toBe(1);
  });

  it('rejects an unknown winner without stopping, then stops, and refuses a second stop', async () => {
    const bad = await gql(STOP, { key: FEEDBACK, winner: 'no-such-arm' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(await stateRows()).toEqual([{ key: FEEDBACK, status: 'running', phase: 1 }]);
    // An explicit `winner: null` means "no winner", as an omitted argument does.
    const stopped = await gql<{ stopExperiment: { status: string } }>(STOP, { key: FEEDBACK, winner: null });
    expect(stopped.data!.stopExperiment.status).toBe('STOPPED');
    expect((await payload()).features['copy.correctFeedback'].rules).toEqual([]);
    expect(errorCode(await gql(STOP, { key: FEEDBACK }))).toBe('EXPERIMENT_NOT_RUNNING');
  });

  it('restarts a stopped experiment as a new phase and ships a winner on stop', async () => {
    const restarted = await gql<{ startExperiment: { phase: number } }>(START, { key: FEEDBACK });
    expect(restarted.data!.startExperiment.phase).toBe(2);
    const shipped = await gql<{ stopExperiment: { winner: string } }>(STOP, {
      key: FEEDBACK,
      winner: 'growth-mindset',
    });
    expect(shipped.data!.stopExperiment.winner).toBe('growth-mindset');
    const [rule] = (await payload()).features['copy.correctFeedback'].rules;
    expect(rule.force).toMatch(/Your practice is paying off/);
  });

  it.each([
    ['an unknown experiment', { key: 'no-such-experiment' }, 'NOT_FOUND'],
    ['a malformed key', { key: 'Robert"); DROP TABLE experiments;--' }, 'BAD_USER_INPUT'],
  ])('refuses to start %s', async (_label, variables, code) => {
    const before = await stateRows();
    expect(errorCode(await gql(START, variables))).toBe(code);
    expect(await stateRows()).toEqual(before);
  });
});

describe('a running experiment is locked to the definition it started with', () => {
  let api: TestApi;
  let token: string;
  const POINTS = 'points-per-correct-answer';

  beforeAll(async () => {
    api = await startTestApi(ENV);
    token = await experimenterToken(api);
    const res = await api.gql(START, { key: POINTS }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
  });
  afterAll(() => api.close());

  /** Makes the stored (locked) definition differ from the code, as a deploy that edited the file would. */
  async function editLockedDefinition(edit: string): Promise<void> {
    await api.sql.query(
      `UPDATE experiment_phases SET definition = ${edit}, definition_hash = 'sha256:edited'
       WHERE experiment_key = $1 AND phase = (SELECT phase FROM experiments WHERE key = $1)`,
      [POINTS],
    );
    await api.app.get(FeaturesPayloadService).reload();
  }

  it('keeps serving the locked variations, flags the drift, and refuses a start that changes them', async () => {
    await editLockedDefinition(`jsonb_set(definition, '{variations,2,value}', '40')`);
    const served = (await (await fetch(`${api.url}/api/features/sdk-peerlift`)).json()) as Payload;
    expect(served.features['points.correctAnswer'].rules[0].variations).toEqual([15, 8, 40]);
    const list = await api.gql<{ experiments: ExperimentRow[] }>(EXPERIMENTS, {}, token);
    expect(list.data!.experiments.find((e) => e.key === POINTS)).toMatchObject({ definitionChanged: true });
    expect(errorCode(await api.gql(START, { key: POINTS }, token))).toBe('EXPERIMENT_LOCKED');
    expect(
      (await api.sql.query(`SELECT phase FROM experiments WHERE key = $1`, [POINTS])).rows[0].phase,
    ).toBe(1);
  });

  it('starts a new phase with the code weights when only the weights differ', async () => {
    await api.sql.query(`UPDATE experiment_phases SET definition = $2::jsonb WHERE experiment_key = $1`, [
      POINTS,
      JSON.stringify({ ...EXPERIMENT_DEFINITIONS.find((d) => d.key === POINTS), weights: [0.5, 0.25, 0.25] }),
    ]);
    await api.app.get(FeaturesPayloadService).reload();
    const res = await api.gql<{ startExperiment: { phase: number; status: string } }>(
      START,
      { key: POINTS },
      token,
    );
    expect(res.data!.startExperiment).toEqual({
      key: POINTS,
      status: 'RUNNING',
      phase: 2,
      startedAt: expect.any(String),
    });
    const phases = await api.sql.query(
      `SELECT phase, stopped_at IS NOT NULL AS closed, definition->'weights' AS weights FROM experiment_phases
       WHERE experiment_key = $1 ORDER BY phase`,
      [POINTS],
    );
    expect(phases.rows).toEqual([
      { phase: 1, closed: true, weights: [0.5, 0.25, 0.25] },
      { phase: 2, closed: false, weights: [1 / 3, 1 / 3, 1 / 3] },
    ]);
  });

  it('refuses a start whose payload would not compile (a seed another running experiment uses)', async () => {
    await editLockedDefinition(`jsonb_set(definition, '{seed}', '"correct-feedback-wording"')`);
    const res = await api.gql(START, { key: FEEDBACK }, token);
    expect(errorCode(res)).toBe('EXPERIMENT_CONFLICT');
    // The whole start rolled back: not even a draft row was left behind.
    expect((await api.sql.query(`SELECT status FROM experiments WHERE key = $1`, [FEEDBACK])).rows).toEqual(
      [],
    );
  });
});

describe('hot swap across api instances', () => {
  let api: TestApi;
  let other: INestApplication;
  let otherUrl: string;

  beforeAll(async () => {
    api = await startTestApi(ENV);
    // A second api process on the same database and Redis prefix (as a second replica would be).
    other = await createApiApp(api.config, { logger: false });
    await other.listen(0, '127.0.0.1');
    otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await other.close();
    await api.close();
  });

  it('reaches the other instance through Redis pub/sub when an experiment starts and stops', async () => {
    const token = await experimenterToken(api);
    const rulesOnOther = async () =>
      ((await (await fetch(`${otherUrl}/api/features/sdk-peerlift`)).json()) as Payload).features[
        'copy.stuckPrompt'
      ].rules.length;
    expect(await rulesOnOther()).toBe(0);
    await api.gql(START, { key: 'stuck-prompt-peer-invite' }, token);
    await waitFor(async () => (await rulesOnOther()) === 1);
    await api.gql(STOP, { key: 'stuck-prompt-peer-invite' }, token);
    await waitFor(async () => (await rulesOnOther()) === 0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
