/**
 * bench/leaderboard — a 1,000,000-learner global board: top-100 and around-me through GraphQL (autocannon
 * against the built api, NODE_ENV=production), beside the same reads as raw ZREVRANGE / ZREVRANK through
 * one ioredis client (the ceiling), and the rank computed in Postgres with count(*) (what Redis saves).
 * Prints one JSON document.
 * Usage: npx tsx bench/leaderboard/run.ts [--learners 1000000] [--seconds 15] [--connections 50] [--instances 1]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import { createSeededRng } from '@peerlift/domain';
import { startBenchStack } from '../support/bench-server';
import { latencySummary, machine } from '../support/latency-stats';
import { pacedPosts } from '../support/paced-load';
import { apiPids, cpuMs } from '../support/process-cpu';
import { seedBoard } from './seed-board';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    instances: { type: 'string', default: '1' },
    /** Run one read only (top100 or aroundMe), e.g. to profile it; the JSON then has only that part. */
    only: { type: 'string', default: '' },
  },
});
const LEARNERS = Number(values.learners);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const SAMPLE_VIEWERS = 1000;
const rng = createSeededRng(20261124);
/** This run's Redis prefix, which also identifies its api processes. */
let PREFIX = '';

// `first` travels as a variable, as clients send it: graphql-armor's static cost estimate multiplies a
// literal `first: 100` into the whole selection (1,175 > the 1,000 limit), but does not read variables.
const TOP_100 = {
  query: `query($first: Int) { leaderboard(scope: GLOBAL, period: ALL_TIME, first: $first) { entries { rank handle points } } }`,
  variables: { first: 100 },
};
const AROUND_ME = {
  query: `query($first: Int) { leaderboard(scope: GLOBAL, period: ALL_TIME, first: $first) { me { rank points } around { rank handle points } } }`,
  variables: { first: 1 },
};
type Operation = typeof TOP_100;

async function main() {
  const stack = await startBenchStack({ port: 3950, instances: Number(values.instances) });
  const env = stack.env as Record<string, string>;
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const key = `${env.REDIS_PREFIX}:lb:global:all`;
  PREFIX = env.REDIS_PREFIX!;
  try {
    const seeded = await seedBoard(stack.sql, redis, key, LEARNERS);
    const viewers = await sampleViewers(stack.sql, SAMPLE_VIEWERS);
    const tokens = viewers.map((id) =>
      jwt.sign({ role: 'LEARNER' }, env.JWT_SECRET, {
        algorithm: 'HS256',
        subject: id,
        issuer: 'peerlift',
        expiresIn: 3600,
      }),
    );
    await checkAnswers(stack.urls[0], tokens[0]);

    // Saturated (autocannon, 50 closed-loop connections): the most requests/s the api serves. Paced (an
    // open loop at an even rate): latency at the target rate, not queueing behind 50 connections.
    const skip = (read: string) => values.only !== '' && values.only !== read;
    const top100 = skip('top100')
      ? undefined
      : {
          saturated: await cannon(stack.urls, TOP_100, tokens),
          at2000PerSecond: await paced(stack.urls, TOP_100, tokens, 2000),
        };
    const aroundMe = skip('aroundMe')
      ? undefined
      : {
          saturated: await cannon(stack.urls, AROUND_ME, tokens),
          at1000PerSecond: await paced(stack.urls, AROUND_ME, tokens, 1000),
        };
    const rawTop = await rawLoop(SECONDS, () => redis.zrevrange(key, 0, 99, 'WITHSCORES'));
    const rawRank = await rawLoop(SECONDS, () =>
      redis.zrevrank(key, viewers[Math.floor(rng() * viewers.length)]),
    );
    const postgres = await postgresRanks(stack.sql, viewers.slice(0, 20));

    console.log(
      JSON.stringify(
        {
          benchmark: 'leaderboard',
          machine: await machine(),
          setup: {
            learners: LEARNERS,
            seconds: SECONDS,
            connections: CONNECTIONS,
            apiInstances: stack.urls.length,
            viewers: SAMPLE_VIEWERS,
            seedSeconds: { usersTable: round(seeded.usersSeconds), zadd: round(seeded.zaddSeconds) },
            boardMembers: await redis.zcard(key),
            boardMemoryMB: round(Number(await redis.memory('USAGE', key)) / 2 ** 20),
          },
          graphql: { top100, aroundMe },
          rawRedis: { zrevrange0to99: rawTop, zrevrank: rawRank },
          postgresCountStarRank: postgres,
          loadAverage: (await import('node:os')).loadavg().map(round),
          targets: {
            top100RequestsPerSecond: {
              target: 2000,
              met: top100 && top100.saturated.requestsPerSecond >= 2000,
            },
            aroundMeRequestsPerSecond: {
              target: 1000,
              met: aroundMe && aroundMe.saturated.requestsPerSecond >= 1000,
            },
            aroundMeP99MsAt1000PerSecond: {
              target: 30,
              met: aroundMe && aroundMe.at1000PerSecond.latencyMs.p99 <= 30,
            },
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await deleteKeys(redis, `${env.REDIS_PREFIX}:*`);
    redis.disconnect();
    await stack.stop();
  }
}

/** Viewers spread over the whole board (every 1000th learner by id). */
async function sampleViewers(sql: import('pg').Pool, n: number): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM users) t WHERE r % $1 = 0 LIMIT $2`,
    [Math.max(1, Math.floor(LEARNERS / n)), n],
  );
  return rows.map((r) => r.id);
}

/** Fails loudly if the api answers with errors: a benchmark of error responses measures nothing. */
async function checkAnswers(url: string, token: string): Promise<void> {
  for (const operation of [TOP_100, AROUND_ME]) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(operation),
    });
    const body = (await res.json()) as {
      data?: { leaderboard: { entries?: unknown[]; around?: unknown[] } };
      errors?: unknown;
    };
    const board = body.data?.leaderboard;
    if (!board || body.errors || (board.entries ?? board.around ?? []).length === 0)
      throw new Error(`bad answer: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** autocannon over every api instance at once, each request signed by one of the sampled viewers. */
async function cannon(urls: string[], operation: Operation, tokens: string[]) {
  const body = JSON.stringify(operation);
  let next = 0;
  const run = (url: string) =>
    autocannon({
      url: `${url}/graphql`,
      connections: Math.max(1, Math.round(CONNECTIONS / urls.length)),
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          body,
          setupRequest: (req) => ({
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[(next += 1) % tokens.length]}`,
            },
          }),
        },
      ],
    });
  const pids = apiPids(PREFIX);
  const cpuBefore = cpuMs(pids);
  const results = await Promise.all(urls.map(run));
  const requests = results.reduce((s, r) => s + r.requests.total, 0);
  return {
    apiCpuMsPerRequest: round((cpuMs(pids) - cpuBefore) / Math.max(1, requests)),
    /** What one core given wholly to the api would serve at that cost (the load generator runs elsewhere). */
    requestsPerApiCoreSecond: round((1000 * Math.max(1, requests)) / Math.max(1, cpuMs(pids) - cpuBefore)),
    requestsPerSecond: round(results.reduce((s, r) => s + r.requests.average, 0)),
    latencyMs: {
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
    },
    errors: results.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** An even `rate` of requests over every api instance, each signed by one of the sampled viewers. */
async function paced(urls: string[], operation: Operation, tokens: string[], rate: number) {
  const pids = apiPids(PREFIX);
  const cpuBefore = cpuMs(pids);
  const run = await pacedPosts({
    urls,
    path: '/graphql',
    body: JSON.stringify(operation),
    headers: (i) => ({ authorization: `Bearer ${tokens[i % tokens.length]}` }),
    rate,
    seconds: SECONDS,
  });
  const summary = latencySummary(run.latencies);
  return {
    apiCpuMsPerRequest: round((cpuMs(pids) - cpuBefore) / Math.max(1, run.sent)),
    requestsPerSecond: round(run.requestsPerSecond),
    latencyMs: { p50: summary.p50, p95: summary.p95, p99: summary.p99, max: summary.max },
    errors: run.errors,
    clientLoopDelayMs: { p99: round(run.clientLoopDelayMs.p99), max: round(run.clientLoopDelayMs.max) },
  };
}

/** CONNECTIONS concurrent loops of one command through the same ioredis client, for `seconds`. */
async function rawLoop(seconds: number, command: () => Promise<unknown>) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await command();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { opsPerSecond: round(latencies.length / seconds), latencyMs: latencySummary(latencies) };
}

/** "My rank" the SQL way: count everyone with more points, over the 1M-row users table. */
async function postgresRanks(sql: import('pg').Pool, viewers: string[]) {
  const time = async () => {
    const latencies: number[] = [];
    for (const id of viewers) {
      const t0 = performance.now();
      await sql.query(
        `SELECT count(*) + 1 AS rank FROM users WHERE total_points > (SELECT total_points FROM users WHERE id = $1)`,
        [id],
      );
      latencies.push(performance.now() - t0);
    }
    return latencySummary(latencies);
  };
  const withoutIndex = await time();
  await sql.query(`CREATE INDEX bench_users_points ON users (total_points)`);
  await sql.query('ANALYZE users');
  const withIndex = await time();
  return {
    queries: viewers.length,
    concurrency: 1,
    withoutIndexMs: withoutIndex,
    withBtreeIndexMs: withIndex,
  };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = nextCursor;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
