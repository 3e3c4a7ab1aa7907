import { GrowthBookClient, type TrackingCallback } from '@growthbook/growthbook';
import { createSeededRng } from '@peerlift/domain';
import {
  compileFeaturesPayload,
  EXPERIMENT_DEFINITIONS,
  PARAMETER_KEYS,
  type ExperimentDefinition,
} from '@peerlift/experiments';
import { seededUuid } from './seeded-uuid';
import { syntheticDefinitions } from './synthetic-definitions';

/**
 * Per-request assignment overhead, as the api pays it in `ParametersService`: one scoped instance of the
 * process's GrowthBookClient with the learner's attributes and a tracking callback, then every
 * parameter evaluated (the most one request ever reads). Timed per request with hrtime; microseconds.
 */
export interface OverheadResult {
  runningExperiments: number;
  requests: number;
  exposuresTracked: number;
  microsecondsPerRequest: { p50: number; p90: number; p99: number; max: number; mean: number };
}

export async function measureAssignmentOverhead(
  definitions: readonly ExperimentDefinition[],
  requests: number,
): Promise<OverheadResult> {
  const payload = compileFeaturesPayload(
    definitions,
    definitions.map((definition) => ({ key: definition.key, status: 'running' as const, phase: 1 })),
  );
  const client = new GrowthBookClient().initSync({ payload });
  const rng = createSeededRng(definitions.length + 1);
  const learners = Array.from({ length: 10_000 }, () => seededUuid(rng));
  const classrooms = Array.from({ length: 300 }, () => seededUuid(rng));
  let tracked = 0;
  const trackingCallback: TrackingCallback = () => void tracked++;
  const once = (i: number) => {
    const attributes = { id: learners[i % learners.length], classroomId: classrooms[i % classrooms.length] };
    const scoped = client.createScopedInstance({ attributes, trackingCallback });
    for (const parameter of PARAMETER_KEYS) scoped.evalFeature(parameter);
  };
  for (let i = 0; i < 20_000; i++) {
    once(i); // warm-up: JIT, caches
    await settle();
  }
  tracked = 0;
  const samples = new Float64Array(requests);
  for (let i = 0; i < requests; i++) {
    const start = process.hrtime.bigint();
    once(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
    // Between requests, let the SDK's tracking promises settle as a server's event loop would; a tight
    // synchronous loop would pile up hundreds of thousands of them and time the garbage collector.
    await settle();
  }
  client.destroy();
  return {
    runningExperiments: definitions.length,
    requests,
    exposuresTracked: tracked,
    microsecondsPerRequest: summary(samples),
  };
}

function summary(samples: Float64Array) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted.at(-1)!), mean: round(mean) };
}

const round = (x: number) => Math.round(x * 100) / 100;
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The three configurations reported: nothing running, the four shipped experiments, 20 synthetic ones. */
export async function assignmentOverheadSuite(requests: number): Promise<OverheadResult[]> {
  return [
    await measureAssignmentOverhead([], requests),
    await measureAssignmentOverhead(EXPERIMENT_DEFINITIONS, requests),
    await measureAssignmentOverhead(syntheticDefinitions(20), requests),
  ];
}
