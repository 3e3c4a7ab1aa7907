import { GrowthBook, type FeatureApiResponse } from '@growthbook/growthbook';
import { createSeededRng } from '@peerlift/domain';
import { EXPERIMENT_DEFINITIONS, PARAMETER_KEYS } from '@peerlift/experiments';
import { ParametersService } from '../../src/experiments/parameters.service';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  experimenterToken,
  flushExposures,
  inParallel,
  insertLearners,
  seededUuid,
  START,
  tokenFor,
} from './experiment-test-support';

const LEARNERS = 3000;
const CLASSROOMS = 60;

interface ForeignView {
  values: Record<string, unknown>;
  /** experiment key → variation key, as the foreign SDK's tracking callback reported them. */
  exposures: Map<string, string>;
}

/**
 * What a client outside the api computes from the served payload alone: a separate GrowthBook SDK
 * instance (the browser-style `GrowthBook` class, not the api's `GrowthBookClient`) per learner.
 */
function foreignView(payload: FeatureApiResponse, attributes: Record<string, string>): ForeignView {
  const exposures = new Map<string, string>();
  const gb = new GrowthBook({
    attributes,
    trackingCallback: (experiment, result) => void exposures.set(experiment.key, result.key),
  }).initSync({ payload });
  const values = Object.fromEntries(
    PARAMETER_KEYS.map((parameter) => [parameter, gb.evalFeature(parameter).value]),
  );
  gb.destroy();
  return { values, exposures };
}

describe('a foreign GrowthBook SDK loading the served payload', () => {
  let api: TestApi;
  let learners: string[];
  const classroomOf = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi();
    const token = await experimenterToken(api);
    for (const definition of EXPERIMENT_DEFINITIONS) {
      const res = await api.gql(START, { key: definition.key }, token);
      if (!res.data) throw new Error(JSON.stringify(res.errors));
    }
    learners = await insertLearners(api, LEARNERS, 20261123);
    // Half the learners in one of 60 classrooms (the streak experiment randomises whole classrooms).
    const rng = createSeededRng(7);
    const classrooms = Array.from({ length: CLASSROOMS }, () => seededUuid(rng));
    await api.sql.query(
      `INSERT INTO classrooms (id, coach_id, name, join_code)
       SELECT c.id, $2, 'Class ' || c.n, 'C' || lpad(c.n::text, 5, '0') FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [classrooms, learners[0]],
    );
    learners.forEach((id, i) => i % 2 === 0 && classroomOf.set(id, classrooms[i % CLASSROOMS]));
    await api.sql.query(
      `INSERT INTO classroom_members (classroom_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [[...classroomOf.values()], [...classroomOf.keys()]],
    );
  }, 30_000);
  afterAll(() => api.close());

  const attributesOf = (id: string): Record<string, string> =>
    classroomOf.has(id) ? { id, classroomId: classroomOf.get(id)! } : { id };

  it('gets the same values and the same logged variations as the api for 3000 learners', async () => {
    const payload = (await (
      await fetch(`${api.url}/api/features/sdk-peerlift`)
    ).json()) as FeatureApiResponse;
    const parameters = api.app.get(ParametersService);
    const apiValues = new Map<string, Record<string, unknown>>();
    await inParallel(learners, 16, async (id) => {
      const values = await parameters.forUser(id);
      await parameters.recordExposure(id, 'copy.stuckPrompt');
      apiValues.set(id, {
        'copy.correctFeedback': values.correctFeedback,
        'points.correctAnswer': values.pointValues.correctAnswer,
        'mastery.streakToProficient': values.streakToProficient,
      });
    });
    await flushExposures(api);
    const { rows } = await api.sql.query<{ experiment_key: string; user_id: string; variation_key: string }>(
      `SELECT experiment_key, user_id, variation_key FROM experiment_exposures`,
    );
    const logged = new Map<string, Map<string, string>>();
    for (const row of rows) {
      if (!logged.has(row.user_id)) logged.set(row.user_id, new Map());
      logged.get(row.user_id)!.set(row.experiment_key, row.variation_key);
    }

    let differences = 0;
    const arms = new Map<string, Set<string>>();
    for (const id of learners) {
      const foreign = foreignView(payload, attributesOf(id));
      const served = { ...foreign.values };
      delete served['copy.stuckPrompt']; // wording the web shows; compared through the exposures below
      if (JSON.stringify(served) !== JSON.stringify(apiValues.get(id))) differences++;
      const apiLogged = [...(logged.get(id) ?? new Map<string, string>())].sort();
      if (JSON.stringify([...foreign.exposures].sort()) !== JSON.stringify(apiLogged)) differences++;
      for (const [experiment, variation] of foreign.exposures) {
        arms.set(experiment, (arms.get(experiment) ?? new Set()).add(variation));
      }
    }
    expect(differences).toBe(0);
    // Not vacuous: every experiment assigned every one of its arms among these learners.
    for (const definition of EXPERIMENT_DEFINITIONS) {
      expect([...(arms.get(definition.key) ?? [])].sort()).toEqual(
        definition.variations.map((v) => v.key).sort(),
      );
    }
    expect(rows.length).toBeGreaterThan(3 * LEARNERS);
  }, 30_000);

  it('returns, through submitAnswer over HTTP, the wording and rule the foreign SDK computes', async () => {
    const payload = (await (
      await fetch(`${api.url}/api/features/sdk-peerlift`)
    ).json()) as FeatureApiResponse;
    for (let i = 0; i < 12; i++) {
      const session = await LearnerSession.signUp(api);
      const answer = await session.answer('add-within-10', true);
      const foreign = foreignView(payload, { id: session.userId });
      expect(answer.feedback).toBe(foreign.values['copy.correctFeedback']);
      expect(answer.streakToProficient).toBe(foreign.values['mastery.streakToProficient']);
    }
    // A learner inserted in SQL, driving the api with a token from the api's own signer, agrees too.
    const id = learners[1];
    const res = await api.gql<{ recordExposure: boolean }>(
      `mutation { recordExposure(parameter: "copy.stuckPrompt") }`,
      {},
      tokenFor(api, id),
    );
    expect(res.data!.recordExposure).toBe(true);
  }, 30_000);
});
