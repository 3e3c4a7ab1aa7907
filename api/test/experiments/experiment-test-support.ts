import { createSeededRng, type Rng } from '@peerlift/domain';
import { TokenService } from '../../src/auth/token.service';
import { ExposureRecorder } from '../../src/experiments/exposure-recorder.service';
import { LearnerSession } from '../support/learner-session';
import type { TestApi } from '../support/test-api';

/** Test support for the experiments specs (not a spec itself). */

export const EXPERIMENTS = `query { experiments { key status phase parameter definitionChanged winner
  variations { key value weight } } }`;
export const START = `mutation($key: String!) { startExperiment(key: $key) { key status phase startedAt } }`;
export const STOP = `mutation($key: String!, $winner: String) {
  stopExperiment(key: $key, winner: $winner) { key status phase stoppedAt winner } }`;
export const RESULTS = `query($key: String!) { experimentResults(key: $key) {
  experimentKey phase computedAt unit srmPValue sampleRatioMismatch decision decisionReason
  exposures { variation units expectedShare observedShare }
  metrics { metric role type direction available guardrailStatus
    variations { variation users mean relativeLift ciLow ciHigh pValue adjustedPValue chanceToWin verdict } } } }`;
export const RECORD_EXPOSURE = `mutation($p: String!) { recordExposure(parameter: $p) }`;

export interface VariationResult {
  variation: string;
  users: number;
  mean: number;
  relativeLift: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  adjustedPValue: number | null;
  chanceToWin: number | null;
  verdict: string | null;
}
export interface MetricResult {
  metric: string;
  role: string;
  available: boolean;
  guardrailStatus: string | null;
  variations: VariationResult[];
}
export interface Results {
  experimentKey: string;
  phase: number;
  computedAt: string;
  srmPValue: number;
  sampleRatioMismatch: boolean;
  decision: string;
  decisionReason: string;
  exposures: { variation: string; units: number; expectedShare: number; observedShare: number }[];
  metrics: MetricResult[];
}

/** A signed-up user promoted to EXPERIMENTER in SQL (sign-up cannot choose it), with a fresh token. */
export async function experimenterToken(api: TestApi): Promise<string> {
  const session = await LearnerSession.signUp(api, {});
  await api.sql.query(`UPDATE users SET role = 'EXPERIMENTER' WHERE id = $1`, [session.userId]);
  const res = await api.gql<{ logIn: { token: string } }>(
    `mutation($input: LogInInput!) { logIn(input: $input) { token } }`,
    { input: { handle: session.handle, password: 'correct horse battery staple' } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.logIn.token;
}

/** A v4-shaped UUID from a seeded generator, so simulated learners hash the same way on every run. */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Inserts `count` learners straight into `users` (thousands in one statement; sign-up hashes passwords
 * and would take minutes). Ids are seeded; the password hash is a placeholder nobody can log in with.
 */
export async function insertLearners(
  api: TestApi,
  count: number,
  seed: number,
  timeZone = 'UTC',
): Promise<string[]> {
  const rng = createSeededRng(seed);
  const ids = Array.from({ length: count }, () => seededUuid(rng));
  await api.sql.query(
    `INSERT INTO users (id, handle, password_hash, role, birth_year, country, languages, time_zone)
     SELECT id, 'sim_' || substr(replace(id::text, '-', ''), 1, 20), 'x', 'LEARNER', 2008, 'NZ', '{en}', $2
     FROM unnest($1::uuid[]) AS id`,
    [ids, timeZone],
  );
  return ids;
}

/** A real bearer token for a learner inserted in SQL, signed by the api's own TokenService. */
export function tokenFor(api: TestApi, userId: string): string {
  return api.app.get(TokenService).issue({ id: userId, role: 'LEARNER' });
}

/** Waits until every exposure the api has recorded so far is in Postgres. */
export function flushExposures(api: TestApi): Promise<void> {
  return api.app.get(ExposureRecorder).flush();
}

/** Runs `task` over `items` with at most `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(lanes);
}
