import type pg from 'pg';
import { latencySummary } from '../support/latency-stats';

export interface PhaseWindow {
  start: Date;
  end: Date;
}

/**
 * Figures read back from Postgres, the source of truth, on its one clock: a request's `created_at` is when
 * its requestHelp transaction began, an offer's when the worker's confirming statement began, so
 * ask → offer covers the api commit, the Redis line, the queue, the batch window and the tick.
 */
export async function measure(
  sql: pg.Pool,
  o: {
    backlog: string[];
    burst: PhaseWindow;
    answering: PhaseWindow;
    steadyRequests: string[];
    steady: PhaseWindow;
    windowMs: number;
  },
) {
  const firstOffers = async (ids: string[]) =>
    (
      await sql.query<{ ms: number; first: Date }>(
        `SELECT extract(epoch FROM min(o.created_at) - h.created_at) * 1000 AS ms, min(o.created_at) AS first
         FROM help_requests h JOIN tutoring_offers o ON o.request_id = h.id
         WHERE h.id = ANY($1::uuid[]) GROUP BY h.id`,
        [ids],
      )
    ).rows;
  const burst = await firstOffers(o.backlog);
  const firstAt = Math.min(...burst.map((r) => r.first.getTime()));
  const lastAt = Math.max(...burst.map((r) => r.first.getTime()));
  const steady = await firstOffers(o.steadyRequests);
  const raw = steady.map((r) => Number(r.ms));
  const matchedIn = async (w: PhaseWindow) => {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tutoring_sessions WHERE started_at BETWEEN $1 AND $2`,
      [w.start, w.end],
    );
    return { matched: rows[0].n, seconds: (w.end.getTime() - w.start.getTime()) / 1000 };
  };
  const answering = await matchedIn(o.answering);
  const steadyMatches = await matchedIn(o.steady);
  return {
    burst: {
      requests: o.backlog.length,
      offered: burst.length,
      firstToLastOfferSeconds: round((lastAt - firstAt) / 1000),
      fromWorkerStartSeconds: round((lastAt - o.burst.start.getTime()) / 1000),
    },
    steady: {
      requestsMade: o.steadyRequests.length,
      offered: steady.length,
      askToOfferMs: latencySummary(raw),
      askToOfferBeyondWindowMs: latencySummary(raw.map((ms) => Math.max(0, ms - o.windowMs))),
      batchWindowMs: o.windowMs,
      matchesPerSecond: round(steadyMatches.matched / steadyMatches.seconds),
    },
    backlogAnswered: {
      sessions: answering.matched,
      seconds: round(answering.seconds),
      matchesPerSecond: round(answering.matched / answering.seconds),
    },
    doubleBookings: await doubleBookings(sql),
  };
}

/** Must all be 0 (DESIGN.md §6.3). */
async function doubleBookings(sql: pg.Pool) {
  const count = async (q: string) =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${q}) x`)).rows[0].n;
  return {
    usersInTwoLiveSessions: await count(
      `SELECT u FROM (SELECT tutor_id u FROM tutoring_sessions WHERE state = 'LIVE'
                      UNION ALL SELECT learner_id FROM tutoring_sessions WHERE state = 'LIVE') s GROUP BY u HAVING count(*) > 1`,
    ),
    requestsMatchedTwice: await count(
      `SELECT request_id FROM tutoring_sessions GROUP BY request_id HAVING count(*) > 1`,
    ),
    tutorsWithTwoPendingOffers: await count(
      `SELECT tutor_id FROM tutoring_offers WHERE state = 'PENDING' GROUP BY tutor_id HAVING count(*) > 1`,
    ),
    requestsWithTwoAcceptedOffers: await count(
      `SELECT request_id FROM tutoring_offers WHERE state = 'ACCEPTED' GROUP BY request_id HAVING count(*) > 1`,
    ),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
