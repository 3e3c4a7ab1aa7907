import type { INestApplicationContext } from '@nestjs/common';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';
import { experimenterToken, flushExposures, RESULTS, START, type Results } from './experiment-test-support';

describe('result snapshots refreshed by the worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('snapshots a running experiment on the schedule, and the query serves that snapshot', async () => {
    const token = await experimenterToken(api);
    await api.gql(START, { key: 'correct-feedback-wording' }, token);
    for (let i = 0; i < 3; i++) await (await LearnerSession.signUp(api)).answer('add-within-10', true);
    await flushExposures(api);
    worker = await startTestWorker(api, { EXPERIMENT_SNAPSHOT_SECONDS: '10' });
    // The job scheduler's first sweep runs when the worker starts; no stop, no query has asked for it.
    const deadline = Date.now() + 15_000;
    let rows: { computed_at: Date; results: Results }[] = [];
    while (rows.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = (
        await api.sql.query<{ computed_at: Date; results: Results }>(
          `SELECT computed_at, results FROM experiment_result_snapshots`,
        )
      ).rows;
    }
    expect(rows).toHaveLength(1);
    expect(rows[0].results.exposures.reduce((sum, row) => sum + row.units, 0)).toBe(3);
    const served = (
      await api.gql<{ experimentResults: Results }>(RESULTS, { key: 'correct-feedback-wording' }, token)
    ).data!.experimentResults;
    expect(new Date(served.computedAt).getTime()).toBe(rows[0].computed_at.getTime());
  }, 30_000);
});
