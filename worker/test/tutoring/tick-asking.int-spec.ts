import type { INestApplicationContext } from '@nestjs/common';
import { QUEUE, TUTORING_JOB } from '@peerlift/contracts';
import { CURRICULUM } from '@peerlift/domain';
import { BullConnection } from '@peerlift/api/queues/bullmq-connection';
import { HelpRequestsService } from '@peerlift/api/tutoring/help-requests/help-requests.service';
import { matchingShard } from '@peerlift/api/tutoring/matching/matching-shard';
import { PresenceService } from '@peerlift/api/tutoring/presence/presence.service';
// The api's test support has no import alias; this test runs the api in process like the api's own tests.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi, type TestApi } from '../../../api/test/support/test-api';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestWorker } from '../../../api/test/support/test-worker';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { eventually, person } from '../../../api/test/tutoring/tutoring-fixtures';

const REQUESTS = 40;

/**
 * Requests arriving together, most of which find their shard's tick already asked for and add no job of
 * their own (LiveStateService.enqueue): the real worker, through the real queue, must still offer every
 * one — with the sweep's scheduled ticks removed, so a request left out of every tick would stay unoffered.
 */
describe('requests that did not ask for a tick', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startTestApi({ MATCHING_SHARDS: '2' });
    worker = await startTestWorker(api, { MATCHING_SHARDS: '2' });
    const queue = worker.get(BullConnection).queue(QUEUE.tutoringMatching);
    await queue.removeJobScheduler(TUTORING_JOB.tick);
    expect((await queue.getJobSchedulers()).map((s) => s.key)).not.toContain(TUTORING_JOB.tick);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('are all offered by the ticks the others asked for', async () => {
    // Skills of both shards, each with enough tutors for every request of it.
    const skills = [0, 1].flatMap((shard) =>
      CURRICULUM.map((s) => s.slug)
        .filter((slug) => matchingShard(slug, 2) === shard)
        .slice(0, 2),
    );
    const presence = api.app.get(PresenceService);
    for (let i = 0; i < REQUESTS; i++) {
      const tutor = await person(api, { proficientIn: [skills[i % skills.length]] });
      await presence.setAvailability(tutor.id, true);
    }
    const learners = await Promise.all(Array.from({ length: REQUESTS }, () => person(api)));
    const help = api.app.get(HelpRequestsService);
    const ids = (
      await Promise.all(learners.map((l, i) => help.request(l.id, skills[i % skills.length], null)))
    ).map((r) => r.id);
    await eventually(
      async () => {
        const { rows } = await api.sql.query<{ n: number }>(
          `SELECT count(DISTINCT request_id)::int AS n FROM tutoring_offers WHERE request_id = ANY($1::uuid[])`,
          [ids],
        );
        return rows[0].n === REQUESTS;
      },
      'every request to be offered',
      15_000,
    );
  }, 60_000);
});
