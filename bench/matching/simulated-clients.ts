import type pg from 'pg';
import type { TutorPresenceState } from '@peerlift/api/tutoring/live/tutor-presence-state.service';

/** Every tutor's heartbeat at the product's rate (every 15 s), spread evenly over time. */
export function heartbeats(presence: TutorPresenceState, tutors: string[]): () => void {
  let i = 0;
  const perTick = Math.ceil(tutors.length / 150);
  const timer = setInterval(() => {
    const slice = tutors.slice(i, i + perTick);
    i = (i + perTick) % tutors.length;
    void Promise.all(slice.map((t) => presence.heartbeat(t))).catch(() => undefined);
  }, 100);
  return () => clearInterval(timer);
}

/**
 * The tutors' clients: polls Postgres for new pending offers and answers each once, 64 answers in flight at
 * most (each tutor answers their own offer; 64 is how many the simulation sends at once, not a limit of
 * the api).
 */
export function answerOffers(
  sql: pg.Pool,
  answer: (o: { id: string; tutor_id: string }, i: number) => Promise<{ errors?: unknown[] }>,
) {
  const seen = new Set<string>();
  const todo: { id: string; tutor_id: string }[] = [];
  let running = true;
  let sent = 0;
  const counts = { answered: 0, refused: {} as Record<string, number> };
  const poll = async () => {
    while (running) {
      const { rows } = await sql.query<{ id: string; tutor_id: string }>(
        `SELECT id, tutor_id FROM tutoring_offers WHERE state = 'PENDING' LIMIT 5000`,
      );
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        todo.push(r);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const client = async () => {
    while (running) {
      const o = todo.shift();
      if (!o) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      const res = await answer(o, sent++);
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
        (e: unknown) => fail(String(e).slice(0, 60)),
      ),
    );
  }
  await Promise.all(inFlight);
  return { ids, sent: total, errors, seconds: (performance.now() - start) / 1000 };
}
