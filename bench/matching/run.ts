/**
 * bench/matching — the whole tutoring pipeline as deployed: built api process(es) over HTTP, built worker
 * process(es), Postgres and Redis. 100,000 available tutors across the skills, a backlog of 10,000 waiting
 * requests (the burst), then new requests at a fixed rate while simulated tutors accept (or decline 1 in
 * 10) their offers. Prints one JSON document.
 *
 * Usage: npx tsx bench/matching/run.ts [--tutors 100000] [--backlog 10000] [--rate 500] [--seconds 20]
 *        [--workers 1] [--instances 1] [--window-ms 0] [--batch 50]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { QueueEvents } from 'bullmq';
import { QUEUE } from '@peerlift/contracts';
import { createSeededRng, CURRICULUM } from '@peerlift/domain';
import { TokenService } from '@peerlift/api/auth/token.service';
import { loadAppConfig } from '@peerlift/api/config/app-config';
import { RedisService } from '@peerlift/api/redis/redis.module';
import { LiveStateService } from '@peerlift/api/tutoring/live/live-state.service';
import { LuaRunner } from '@peerlift/api/tutoring/live/lua-runner';
import { TutorPresenceState } from '@peerlift/api/tutoring/live/tutor-presence-state.service';
import { HeartbeatBatcher } from '@peerlift/api/tutoring/presence/heartbeat-batcher';
import { startBenchStack } from '../support/bench-server';
import { postJson } from '../support/json-post';
import { latencySummary, machine } from '../support/latency-stats';
import { apiPids, cpuMs, ownCpuMs, pidsRunning, postgresCpuMs, redisPids } from '../support/process-cpu';
import { claimCeiling } from './claim-ceiling';
import { measure, type PhaseWindow } from './measurements';
import { makeAvailable, seedBacklog, seedPeople } from './seed-world';
import { answerOffers, heartbeats, paced, probeStores } from './simulated-clients';

const { values } = parseArgs({
  options: {
    tutors: { type: 'string', default: '100000' },
    backlog: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    instances: { type: 'string', default: '1' },
    'window-ms': { type: 'string', default: '0' },
    batch: { type: 'string', default: '50' },
  },
});
const TUTORS = Number(values.tutors);
const BACKLOG = Number(values.backlog);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const WINDOW_MS = Number(values['window-ms']);
const rng = createSeededRng(20261123);
const REQUEST_HELP = `mutation($s: String!) { requestHelp(skillSlug: $s) { id } }`;
const ACCEPT = `mutation($o: ID!) { acceptOffer(offerId: $o) { id } }`;
const DECLINE = `mutation($o: ID!) { declineOffer(offerId: $o) }`;

async function main() {
  const stack = await startBenchStack({
    instances: Number(values.instances),
    env: {
      // 45 s is the product's timeout; seeding 100k tutors takes longer, and the heartbeat load runs anyway.
      TUTOR_HEARTBEAT_TIMEOUT_SECONDS: '600',
      MATCHING_BATCH_WINDOW_MS: String(WINDOW_MS),
      MATCHING_BATCH_MAX: String(values.batch),
      MAX_OFFERS_PER_TUTOR_PER_HOUR: '1000',
      CHAT_MESSAGES_PER_MINUTE: '600',
    },
  });
  const config = loadAppConfig(stack.env);
  // The worker runs from a build of its own: dist/ is shared with other benchmarks, which rebuild it.
  const build = `.peerlift/bench-matching-${config.REDIS_PREFIX}`;
  execFileSync('node', ['scripts/build-server.mjs', build], { stdio: ['ignore', 'ignore', 'inherit'] });
  const redis = new RedisService(config);
  const lua = new LuaRunner(redis, config);
  const live = new LiveStateService(lua);
  const presence = new TutorPresenceState(lua);
  const tokens = new TokenService(config);
  const workers: ChildProcess[] = [];
  const events = new QueueEvents(QUEUE.tutoringMatching, {
    connection: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: `${config.REDIS_PREFIX}:bull`,
  });
  const ticks: Tick[] = [];
  let ticksAtSteadyStart = 0;
  events.on('completed', ({ returnvalue }) => {
    const r = parseTick(returnvalue);
    if (r && r.batch > 0) ticks.push(r);
  });
  let stopHeartbeats: () => Promise<void> = () => Promise.resolve();
  try {
    const seedStart = performance.now();
    const people = await seedPeople(stack.sql, { tutors: TUTORS, learners: BACKLOG + RATE * SECONDS });
    await makeAvailable(stack.sql, presence);
    const backlog = await seedBacklog(stack.sql, live, people.learners.slice(0, BACKLOG));
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const tutorTokens = new Map(people.tutors.map((id) => [id, tokens.issue({ id, role: 'LEARNER' })]));
    const steadyLearners = people.learners.slice(BACKLOG);
    const learnerTokens = steadyLearners.map((id) => tokens.issue({ id, role: 'LEARNER' }));
    // The machine's own speed, measured before any load (the ceiling after the run shares the machine with
    // what the run left running): runs on different machines compare only with this beside them. A first,
    // smaller pass warms the load generator's JIT, which otherwise made this figure ~20 % low.
    await claimCeiling(config, 5_000);
    const quietCeiling = await claimCeiling(config, 20_000);
    stopHeartbeats = heartbeats(new HeartbeatBatcher(presence), people.tutors);
    await events.waitUntilReady();

    const gql = async (token: string, query: string, variables: unknown, i: number) => {
      return postJson<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>(
        `${stack.urls[i % stack.urls.length]}/graphql`,
        { query, variables },
        { authorization: `Bearer ${token}` },
      );
    };
    const probe = probeStores(stack.sql, redis.client);
    const burst: PhaseWindow = { start: await pgNow(stack.sql), end: new Date(0) };
    for (let i = 0; i < Number(values.workers); i++) {
      // BENCH_WORKER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the worker under load.
      const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
      workers.push(
        spawn('node', [...nodeArgs, `${build}/worker/src/main.js`], {
          env: stack.env,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    await until(async () => (await offeredCount(stack.sql, backlog)) >= BACKLOG, 180_000);
    burst.end = await pgNow(stack.sql);
    progress('burst offered');
    const burstTicks = ticks.length;

    // A client signs in once and keeps its token; signing one per request made the load generator, which
    // shares the two cores with what it measures, sign ~1,000 tokens a second. (Every tutor's is signed
    // before the phases, with the learners', not while the api is being measured.)
    const tokenOf = (userId: string) => tutorTokens.get(userId)!;
    // Tutors start answering after the burst: the burst measures how fast offers go out, not people.
    const subscriber = new Redis(config.REDIS_URL);
    const tutorsAnswering = answerOffers(stack.sql, subscriber, config.REDIS_PREFIX, (offer, i) =>
      gql(tokenOf(offer.tutor_id), rng() < 0.9 ? ACCEPT : DECLINE, { o: offer.id }, i),
    );

    await tutorsAnswering.ready;
    // Phase 2: the tutors answer the backlog's offers (declined requests go to the next tutor).
    const answering: PhaseWindow = { start: await pgNow(stack.sql), end: new Date(0) };
    // Until 99% are matched: the last few wait for time-outs and re-offers, which measures the TTL, not throughput.
    await until(async () => (await settledCount(stack.sql, backlog)) >= 0.99 * BACKLOG, 300_000).catch(
      () => undefined,
    );
    answering.end = await pgNow(stack.sql);
    progress('backlog answered');

    // Phase 3: new requests at a fixed rate, tutors answering as before.
    const steady: PhaseWindow = { start: await pgNow(stack.sql), end: new Date(0) };
    progress(`steady phase: ${RATE} requests/s for ${SECONDS} s`);
    // CPU per steady request from /proc: where the two cores go, whatever rate the machine reached.
    const cpuPids = {
      api: apiPids(String(stack.env.REDIS_PREFIX)),
      worker: pidsRunning(`${build}/worker/src/main.js`),
      redis: redisPids(),
    };
    const cpu0 = cpuSnapshot(cpuPids);
    ticksAtSteadyStart = ticks.length;
    const asked = await paced(steadyLearners.length, RATE, async (i) => {
      const skill = CURRICULUM[i % CURRICULUM.length].slug;
      const res = await gql(learnerTokens[i], REQUEST_HELP, { s: skill }, i);
      const id = (res.data as { requestHelp?: { id: string } } | undefined)?.requestHelp?.id;
      return id ? { id } : { error: res.errors?.[0]?.extensions?.code ?? 'unknown' };
    });
    const cpuSpent = cpuSnapshot(cpuPids, cpu0);
    steady.end = await pgNow(stack.sql);
    progress('steady phase done');
    await until(async () => (await offeredCount(stack.sql, asked.ids)) >= asked.ids.length, 30_000).catch(
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 2000)); // the last offers' answers
    const answered = tutorsAnswering.stop();
    subscriber.disconnect();
    const stores = probe.stop();
    await Promise.all(workers.map((w) => stopProcess(w)));

    const m = await measure(stack.sql, {
      backlog,
      burst,
      answering,
      steadyRequests: asked.ids,
      steady,
      windowMs: WINDOW_MS,
    });
    const ceiling = await claimCeiling(config, 20_000);
    const solver = latencySummary(ticks.map((t) => t.solverMs));
    const steadyTicks = ticks.slice(ticksAtSteadyStart);
    console.log(
      JSON.stringify(
        {
          benchmark: 'matching',
          machine: await machine(),
          setup: {
            tutors: TUTORS,
            skillsPerTutor: 3,
            backlog: BACKLOG,
            steadyRatePerSecond: RATE,
            steadySeconds: SECONDS,
            apiInstances: stack.urls.length,
            workerProcesses: workers.length,
            batchWindowMs: WINDOW_MS,
            batchMax: Number(values.batch),
            tutorBehaviour:
              '90% accept, 10% decline, answering as soon as they poll; silent during the burst',
            heartbeats: `${TUTORS} tutors every 15 s (${Math.round(TUTORS / 15)}/s) throughout, batched as the api does`,
            seedSeconds: round(seedSeconds),
          },
          burst: { ...m.burst, ticks: burstTicks },
          backlogAnswered: m.backlogAnswered,
          steady: {
            ...m.steady,
            requestsSent: asked.sent,
            requestErrors: asked.errors,
            achievedRatePerSecond: round(asked.sent / asked.seconds),
            cpuMsPerRequest: Object.fromEntries(
              Object.entries(cpuSpent).map(([k, ms]) => [k, round(ms / Math.max(asked.sent, 1))]),
            ),
          },
          tutorAnswers: answered,
          steadyTicks: {
            count: steadyTicks.length,
            meanBatch: round(mean(steadyTicks.map((t) => t.batch))),
            queuedMs: latencySummary(steadyTicks.map((t) => t.queuedMs)),
            tickMs: latencySummary(steadyTicks.map((t) => t.tickMs)),
            // Inside a tick's job: the Redis snapshot, the Postgres reads, and the claims (the job ends
            // there; Postgres's confirmation runs on while the shard's next tick begins).
            snapshotMs: latencySummary(steadyTicks.map((t) => t.phasesMs.snapshot)),
            loadMs: latencySummary(steadyTicks.map((t) => t.phasesMs.load)),
            claimMs: latencySummary(steadyTicks.map((t) => t.phasesMs.offer)),
          },
          solverMsPerTick: {
            ...solver,
            meanBatch: round(mean(ticks.map((t) => t.batch))),
            meanPool: round(mean(ticks.map((t) => t.pool))),
          },
          storeRoundTripMs: {
            postgresSelect1: latencySummary(stores.pgMs),
            redisPing: latencySummary(stores.redisMs),
          },
          machineLoadAverage: (await import('node:os')).loadavg().map(round),
          doubleBookings: m.doubleBookings,
          luaClaimCeiling: ceiling,
          luaClaimCeilingBeforeLoad: quietCeiling,
          targets: {
            askToOfferBeyondWindowP50Ms: '<= 20',
            askToOfferBeyondWindowP99Ms: '<= 100',
            burstOfferedSeconds: '<= 5 (10,000 requests)',
            doubleBookings: '0',
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await stopHeartbeats();
    await Promise.all(workers.map((w) => stopProcess(w)));
    await events.close();
    await redis.onApplicationShutdown();
    await deletePrefix(config.REDIS_URL, config.REDIS_PREFIX);
    await stack.stop();
    rmSync(build, { recursive: true, force: true });
  }
}

type CpuPids = Record<'api' | 'worker' | 'redis', number[]>;

/** CPU ms used so far by each process group and this process (minus `since`, when given). */
function cpuSnapshot(pids: CpuPids, since?: Record<string, number>): Record<string, number> {
  const now: Record<string, number> = {
    api: cpuMs(pids.api),
    worker: cpuMs(pids.worker),
    postgres: postgresCpuMs(),
    redis: cpuMs(pids.redis),
    loadGenerator: ownCpuMs(),
  };
  return since ? Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (since[k] ?? 0)])) : now;
}

/** Phase boundaries on stderr (stdout is the JSON), e.g. for sampling the stores from outside. */
function progress(message: string): void {
  console.error(`bench/matching ${new Date().toISOString()} ${message}`);
}

async function offeredCount(sql: import('pg').Pool, requestIds: string[]): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(DISTINCT request_id)::int AS n FROM tutoring_offers WHERE request_id = ANY($1::uuid[])`,
    [requestIds],
  );
  return rows[0].n;
}

/** Backlog requests that are matched (or, declined by everyone asked so far, still waiting with no offer). */
async function settledCount(sql: import('pg').Pool, requestIds: string[]): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM help_requests WHERE id = ANY($1::uuid[]) AND state IN ('MATCHED', 'CLOSED')`,
    [requestIds],
  );
  return rows[0].n;
}

async function pgNow(sql: import('pg').Pool): Promise<Date> {
  return (await sql.query<{ now: Date }>(`SELECT clock_timestamp() AS now`)).rows[0].now;
}

async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('bench phase did not finish in time');
    // Phase ends are read back from Postgres timestamps, so polling slowly costs no precision; polling fast
    // (a 10,000-id count every 50 ms) took a tenth of a Postgres core from the system under test.
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function deletePrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length) await client.unlink(...keys);
  } while (cursor !== '0');
  client.disconnect();
}

/** SIGTERM (the worker finishes its jobs), then SIGKILL after 10 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Tick {
  solverMs: number;
  batch: number;
  pool: number;
  offered: number;
  /** From the event that added the tick to its start (the batch window included), and the tick itself. */
  queuedMs: number;
  tickMs: number;
  phasesMs: { snapshot: number; load: number; offer: number };
}

/** A match-skill job's return value (other jobs return other shapes). */
function parseTick(value: unknown): Tick | null {
  try {
    const r = (typeof value === 'string' ? JSON.parse(value) : value) as { solverMs?: unknown } | null;
    return r && typeof r.solverMs === 'number' ? (r as ReturnType<typeof parseTick>) : null;
  } catch {
    return null;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

main().then(
  // Pools and timers of the seeding clients would keep the process alive.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
