import type pg from 'pg';
import type { LuaRunner } from '@peerlift/api/tutoring/live/lua-runner';

/**
 * Every tutor's heartbeat at the product's rate (every 15 s), spread evenly over time: the same Lua script
 * the api runs, a slice of tutors per 100 ms in one pipeline (the load lands on Redis, not on this process).
 */
export function heartbeats(lua: LuaRunner, tutors: string[]): () => void {
  let i = 0;
  const perTick = Math.ceil(tutors.length / 150);
  const timer = setInterval(() => {
    const pipe = lua.client.pipeline();
    for (const id of tutors.slice(i, i + perTick))
      lua.queue(pipe, 'tutoringHeartbeat', lua.keys.tutor(id), lua.keys.online(), id);
    i = (i + perTick) % tutors.length;
    void pipe.exec().catch(() => undefined);
  }, 100);
  return () => clearInterval(timer);
}

/**
 * The tutors' clients: polls Postgres for new pending offers and answers each once, newest first, with at
 * most 64 answers in flight (how many the simulation sends at once, not a limit of the api). An offer that
 * has under 2 s left when its turn comes is left to time out, as a tutor who missed it would: answering a
 * queue of stale offers would only measure the harness.
 */
export function answerOffers(
  sql: pg.Pool,
  answer: (o: { id: string; tutor_id: string }, i: number) => Promise<{ errors?: unknown[] }>,
) {
  const seen = new Set<string>();
  const todo: { id: string; tutor_id: string; expires: number }[] = [];
  let running = true;
  let sent = 0;
  const counts = { answered: 0, leftToTimeOut: 0, refused: {} as Record<string, number> };
  // Incremental: only offers created since the newest one seen (a full scan of thousands of pending offers
  // every few milliseconds would make this process, not the system, the bottleneck).
  let since = new Date(0);
  const poll = async () => {
    while (running) {
      const { rows } = await sql.query<{ id: string; tutor_id: string; expires: number; created_at: Date }>(
        `SELECT id, tutor_id, created_at, (extract(epoch FROM expires_at - now()) * 1000)::int + $1::bigint AS expires
         FROM tutoring_offers WHERE state = 'PENDING' AND created_at >= $2 ORDER BY created_at LIMIT 5000`,
        [Date.now(), since],
      );
      for (const r of rows) {
        if (r.created_at > since) since = r.created_at;
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        todo.push({ id: r.id, tutor_id: r.tutor_id, expires: Number(r.expires) });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const client = async () => {
    while (running) {
      const o = todo.pop();
      if (!o) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      if (o.expires - Date.now() < 2000) {
        counts.leftToTimeOut += 1;
        continue;
      }
      // A network error (the api shedding load, a reset keep-alive socket) counts, and the tutor moves on.
      const res = await answer(o, sent++).catch((e: unknown) => ({
        errors: [{ extensions: { code: String((e as { cause?: { code?: string } }).cause?.code ?? e) } }],
      }));
      const code =
        (res.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ?? 'unknown';
      if (res.errors?.length) counts.refused[code] = (counts.refused[code] ?? 0) + 1;
      else counts.answered += 1;
    }
  };
  void Promise.all([poll(), ...Array.from({ length: 64 }, client)]).catch((e: unknown) => {
    if (running) console.error('tutor simulation stopped:', e);
  });
  return {
    stop: () => {
      running = false;
      return counts;
    },
  };
}

/**
 * Sends `total` requests at `rate` per second (open loop): the i-th goes out at i / rate seconds whatever
 * happened to the earlier ones. Returns the ids of the requests made and the errors by code.
 */
export async function paced(
  total: number,
  rate: number,
  send: (i: number) => Promise<{ id: string } | { error: string }>,
) {
  const ids: string[] = [];
  const errors: Record<string, number> = {};
  const fail = (code: string) => void (errors[code] = (errors[code] ?? 0) + 1);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(i).then(
        (r) => ('id' in r ? void ids.push(r.id) : fail(r.error)),
        (e: unknown) => fail(String((e as { cause?: { code?: string } }).cause?.code ?? e).slice(0, 60)),
      ),
    );
  }
  await Promise.all(inFlight);
  return { ids, sent: total, errors, seconds: (performance.now() - start) / 1000 };
}

/**
 * Round trips to Postgres (SELECT 1) and Redis (PING) every 100 ms while the bench runs: on a shared 2-core
 * machine they show how much of a latency figure is the stores waiting for a CPU.
 */
export function probeStores(sql: pg.Pool, redis: { ping(): Promise<unknown> }) {
  const pgMs: number[] = [];
  const redisMs: number[] = [];
  const timer = setInterval(() => {
    const t0 = performance.now();
    void sql.query('SELECT 1').then(
      () => pgMs.push(performance.now() - t0),
      () => undefined,
    );
    const t1 = performance.now();
    void redis.ping().then(
      () => redisMs.push(performance.now() - t1),
      () => undefined,
    );
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return { pgMs, redisMs };
    },
  };
}
