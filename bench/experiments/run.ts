/**
 * bench/experiments — what experiments cost a request, and how fast exposures can be logged.
 *
 *   assignment   per-request overhead of evaluating every parameter through the GrowthBook SDK, as
 *                `ParametersService` does, with 0, 4 (the shipped ones) and 20 running experiments
 *                (synthetic, 5 per parameter in disjoint namespace slices), in µs (in process, no I/O);
 *   exposures    throughput of the exposure pipeline (Redis SET NX + batched Postgres INSERT) against
 *                the local Redis and a freshly migrated Postgres database (dropped afterwards).
 *
 * Prints one JSON document. Usage: npx tsx bench/experiments/run.ts [--requests 200000] [--learners 50000]
 */
import { parseArgs } from 'node:util';
import { startBenchStack } from '../support/bench-server';
import { machine } from '../support/latency-stats';
import { assignmentOverheadSuite } from './assignment-overhead';
import { measureExposureThroughput } from './exposure-throughput';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200000' },
    learners: { type: 'string', default: '50000' },
  },
});

async function main(): Promise<void> {
  const assignment = await assignmentOverheadSuite(Number(values.requests));
  // instances: 0 — only a migrated database is needed, no api processes.
  const stack = await startBenchStack({ instances: 0 });
  try {
    const exposures = await measureExposureThroughput(stack.sql, {
      redisUrl: 'redis://127.0.0.1:6379', // the bench stack's api processes use the default too
      prefix: stack.env.REDIS_PREFIX,
      learners: Number(values.learners),
    });
    console.log(
      JSON.stringify({ bench: 'experiments', machine: await machine(), assignment, exposures }, null, 2),
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
