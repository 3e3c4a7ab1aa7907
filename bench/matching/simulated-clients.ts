import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { HeartbeatBatcher } from '@peerlift/api/tutoring/presence/heartbeat-batcher';

/**
 * Every tutor's heartbeat at the product's rate (every 15 s), spread evenly over time and renewed the way
 * the api renews them for tutors with an open subscription: through its HeartbeatBatcher, which sends
 * Redis one Lua call per 250 tutors every 100 ms. (One api instance holds all 100,000 tutors' connections
 * here; the connections themselves are not simulated.)
 */
export function heartbeats(batcher: HeartbeatBatcher, tutors: string[]): () => Promise<void> {
  let i = 0;
  const SLICE_MS = 20;
  const perTick = Math.ceil(tutors.length / ((15_000 / SLICE_MS) | 0));
  const timer = setInterval(() => {
    for (const id of tutors.slice(i, i + perTick)) batcher.beat(id);
    i = (i + perTick) % tutors.length;
  }, SLICE_MS);
  return async () => {
    clearInterval(timer);
    await batcher.flush();
  };
}

/**
 * The tutors' clients: each learns of an offer as a real tutor's client does — the OFFER event on the
 * tutor's live channel (Redis pub/sub, what the api's tutoringEvents subscription relays) — plus, once at
 * the start, the offers already pending (made during the burst, before the tutors listened). Each offer is
 * answered once, newest first, with at most 64 answers in flight (how many the simulation sends at once,
 * not a limit of the api). An offer with under 2 s left when its turn comes is left to time out, as a tutor
 * who missed it would: answering a queue of stale offers would only measure the harness.
 */
export function answerOffers(
  sql: pg.Pool,
  subscriber: Redis,
  livePrefix: string,
  answer: (o: { id: string; tutor_id: string }, i: number) => Promise<{ errors?: unknown[] }>,
) {
  const seen = new Set<string>();
  const todo: { id: string; tutor_id: string; expires: number }[] = [];
  let running = true;
  let sent = 0;
  const counts = { answered: 0, leftToTimeOut: 0, refused: {} as Record<string, number> };
  // Clients with nothing to do wait on a promise an arriving offer resolves: 64 clients polling every few
  // milliseconds cost the load generator (on the cores it measures) a tenth of a core doing nothing.
  const idle: (() => void)[] = [];
  const take = (id: string, tutorId: string, expires: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    todo.push({ id, tutor_id: tutorId, expires });
    idle.pop()?.();
  };
  const channelPrefix = `${livePrefix}:live:tutoring:`;
  subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
    const event = JSON.parse(message) as { type: string; offerId?: string | null };
    if (event.type === 'OFFER' && event.offerId)
      take(event.offerId, channel.slice(channelPrefix.length), Date.now() + OFFER_TTL_MS);
  });
  const listening = subscriber.psubscribe(`${channelPrefix}*`).then(async () => {
    const { rows } = await sql.query<{ id: string; tutor_id: string; expires: number }>(
      `SELECT id, tutor_id, (extract(epoch FROM expires_at - now()) * 1000)::int + $1::bigint AS expires
       FROM tutoring_offers WHERE state = 'PENDING' ORDER BY created_at`,
      [Date.now()],
    );
    for (const r of rows) take(r.id, r.tutor_id, Number(r.expires));
  });
  const client = async () => {
    while (running) {
      const o = todo.pop();
      if (!o) {
        await new Promise<void>((r) => idle.push(r));
        continue;
      }
      if (o.expires - Date.now() < 2000) {
        counts.leftToTimeOut += 1;
        continue;
      }
      // A network error (the api shedding load, a reset keep-alive socket) counts, and the tutor moves on.
      const res = await answer(o, sent++).catch((e: unknown) => ({
        errors: [{ extensions: { code: networkErrorCode(e) } }],
      }));
      const code =
        (res.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ?? 'unknown';
      if (res.errors?.length) counts.refused[code] = (counts.refused[code] ?? 0) + 1;
      else counts.answered += 1;
    }
  };
  void Promise.all([listening, ...Array.from({ length: 64 }, client)]).catch((e: unknown) => {
    if (running) console.error('tutor simulation stopped:', e);
  });
  return {
    ready: listening,
    stop: () => {
      running = false;
      for (const wake of idle.splice(0)) wake();
      void subscriber.punsubscribe();
      return counts;
    },
  };
}

/** The api's offer time-out (OFFER_TTL_SECONDS, default 15). */
const OFFER_TTL_MS = 15_000;

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
        (e: unknown) => fail(networkErrorCode(e)),
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

/** ECONNRESET and the like (node:http puts the code on the error, undici on its cause). */
function networkErrorCode(e: unknown): string {
  const err = e as { code?: string; cause?: { code?: string } };
  return String(err.code ?? err.cause?.code ?? e).slice(0, 60);
}
