import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface PacedResult {
  sent: number;
  requestsPerSecond: number;
  /** From each request's scheduled send time, so a client or server falling behind shows in the figure. */
  latencies: number[];
  errors: number;
  /** This (load-generating) process's own event-loop delay: large values mean the client, not the api, lagged. */
  clientLoopDelayMs: { p99: number; max: number };
}

/**
 * Open-loop load at an even rate: request i is due at start + i/rate, whatever happened to earlier ones
 * (autocannon's `overallRate` instead lets every connection send its whole per-second quota at the top of
 * each second, which measures a burst every second, not a steady rate). Requests go over a keep-alive pool
 * per url, spread round-robin. A response counts as an error unless it is a 200 without GraphQL `errors`.
 */
export async function pacedPosts(opts: {
  urls: string[];
  path: string;
  body: string;
  headers: (i: number) => Record<string, string>;
  rate: number;
  seconds: number;
  sockets?: number;
}): Promise<PacedResult> {
  const agents = opts.urls.map(() => new http.Agent({ keepAlive: true, maxSockets: opts.sockets ?? 64 }));
  const targets = opts.urls.map((u) => new URL(u));
  const total = Math.floor(opts.rate * opts.seconds);
  const latencies: number[] = [];
  let errors = 0;
  const pending = new Set<Promise<void>>();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const start = performance.now();

  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const target = targets[i % targets.length];
      const req = http.request(
        {
          agent: agents[i % agents.length],
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: opts.path,
          headers: { 'content-type': 'application/json', ...opts.headers(i) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (res.statusCode !== 200 || Buffer.concat(chunks).includes('"errors"')) errors += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(opts.body);
    });

  for (let i = 0; i < total;) {
    const now = performance.now();
    // Everything due by now goes out now; then sleep until the next one is due.
    for (; i < total && start + (i * 1000) / opts.rate <= now; i++) {
      const p = send(i, start + (i * 1000) / opts.rate);
      pending.add(p);
      void p.then(() => pending.delete(p));
    }
    const nextDue = start + (i * 1000) / opts.rate;
    await new Promise((r) => setTimeout(r, Math.max(0, nextDue - performance.now())));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  loopDelay.disable();
  for (const a of agents) a.destroy();
  return {
    sent: total,
    requestsPerSecond: latencies.length / seconds,
    latencies,
    errors,
    clientLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}
