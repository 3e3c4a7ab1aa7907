import { createWorker } from '../../../worker/src/bootstrap';
import { loadWorkerConfig } from '../../../worker/src/config/worker-config';
import { startTestApi } from '../support/test-api';
import { OPS, SKILL, ok, person } from './tutoring-fixtures';

it('scratch accept failures', async () => {
  const api = await startTestApi();
  const worker = await createWorker(loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: api.config.DATABASE_URL, REDIS_PREFIX: api.config.REDIS_PREFIX, JWT_SECRET: api.config.JWT_SECRET }), { logger: false });
  const tutors = new Map<string, Awaited<ReturnType<typeof person>>>();
  for (let i = 0; i < 100; i++) { const t = await person(api, { proficientIn: [SKILL] }); ok(await t.gql(OPS.setAvailability, { a: true })); tutors.set(t.id, t); }
  const learners = []; for (let i = 0; i < 80; i++) learners.push(await person(api));
  let stop = false; const seen = new Set<string>(); let fails = 0, okc = 0;
  const loop = (async () => { while (!stop) {
    const { rows } = await api.sql.query(`SELECT id, tutor_id FROM tutoring_offers WHERE state = 'PENDING'`);
    const fresh = rows.filter((r) => !seen.has(r.id)); fresh.forEach((r) => seen.add(r.id));
    await Promise.all(fresh.map(async (o) => { const r = await tutors.get(o.tutor_id)!.gql(OPS.accept, { o: o.id }); if (r.errors) fails++; else okc++; }));
    await new Promise((r) => setTimeout(r, 20));
  } })();
  await Promise.all(learners.map(async (l, i) => { await new Promise((r) => setTimeout(r, i * 20)); await l.gql(OPS.requestHelp, { s: SKILL }); }));
  await new Promise((r) => setTimeout(r, 4000)); stop = true; await loop;
  console.log('ok', okc, 'fails', fails);
  await worker.close(); await api.close();
}, 120000);
