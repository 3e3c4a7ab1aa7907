/**
 * bench/submit-answer — N concurrent simulated learners with real tokens answering real exercises over
 * HTTP against the built api (NODE_ENV=production), then the same database work through raw `pg`.
 * Prints one JSON document. Usage: npx tsx bench/submit-answer/run.ts [--learners 64] [--seconds 20]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  createSeededRng,
  CURRICULUM,
  formatExpectedAnswer,
  type ExpectedAnswer,
  type SkillDefinition,
} from '@peerlift/domain';
import { latencySummary, machine } from '../support/latency-stats';
import { startBenchStack } from '../support/bench-server';
import { postJson } from '../support/json-post';
import { apiPids, cpuMs, ownCpuMs, postgresCpuMs } from '../support/process-cpu';
import { rawAnswer, rawAnswerStatements } from './raw-answer-path';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '500' },
    instances: { type: 'string', default: '1' },
  },
});
const LEARNERS = Number(values.learners);
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const SKILL = CURRICULUM[0].slug;
/** The skill's prompts and their answers, from its own generator (every prompt the bench may be shown). */
const ANSWER_KEY = answerKey(CURRICULUM[0], 20_000);
/** Seeded, so two runs make the same right/wrong mix. */
const rng = createSeededRng(20261123);

const NEXT = `query($s: String!) { nextExercise(skillSlug: $s) { id prompt } }`;
// The next question comes back with the answer (AnswerResult.nextExercise), as the web app asks for it.
const SUBMIT = `mutation($input: SubmitAnswerInput!) {
  submitAnswer(input: $input) { correct streak level pointsAwarded totalPoints nextExercise { id prompt } } }`;

async function main() {
  const stack = await startBenchStack({ instances: Number(values.instances) });
  try {
    const learners = await signUpLearners(stack.urls, LEARNERS);
    // A simulated learner works the answer out from the prompt, as a person would (the answer key is built
    // from the skill's own generator); Postgres is asked only for a prompt missing from the key, so the load
    // generator does not add a database round trip of its own to every answer.
    const lookedUp = { count: 0 };
    const expectedOf = async (e: { id: string; prompt: string }) => {
      const known = ANSWER_KEY.get(e.prompt);
      if (known !== undefined) return known;
      lookedUp.count++;
      const { rows } = await stack.sql.query<{ expected: ExpectedAnswer }>(
        'SELECT expected FROM exercises WHERE id = $1',
        [e.id],
      );
      return formatExpectedAnswer(rows[0].expected);
    };

    const answerOnce = async (l: Learner, latencies: number[], errors: string[]) => {
      if (!l.exercise) {
        // The first question of a learner (or after an error): ask for it.
        const next = await gql<{ nextExercise: { id: string; prompt: string } }>(l, NEXT, { s: SKILL });
        if (!next.data) return void errors.push(JSON.stringify(next.errors).slice(0, 200));
        l.exercise = next.data.nextExercise;
      }
      const expected = await expectedOf(l.exercise);
      const answer = rng() < 0.8 ? expected : `${expected}1`;
      const t0 = performance.now();
      const res = await gql<{ submitAnswer: { nextExercise: { id: string; prompt: string } | null } }>(
        l,
        SUBMIT,
        { input: { exerciseId: l.exercise.id, answer, idempotencyKey: randomUUID() } },
      );
      latencies.push(performance.now() - t0);
      l.exercise = res.data?.submitAnswer.nextExercise ?? undefined;
      if (!res.data) errors.push(JSON.stringify(res.errors).slice(0, 200));
    };

    await closedLoop(learners, 3, answerOnce); // warm-up
    // CPU per answer in the saturated phase, from /proc: a figure that depends less on the machine's mood
    // than answers per second do. Postgres's counts every server process, those that ended included.
    const cpu = { api: apiPids(String(stack.env.REDIS_PREFIX)) };
    const cpu0 = { api: cpuMs(cpu.api), pg: postgresCpuMs(), bench: ownCpuMs() };
    const saturated = await closedLoop(learners, SECONDS, answerOnce);
    const perAnswer = (ms: number) => Math.round((ms / Math.max(saturated.count, 1)) * 1000) / 1000;
    const cpuMsPerAnswer = {
      api: perAnswer(cpuMs(cpu.api) - cpu0.api),
      postgres: perAnswer(postgresCpuMs() - cpu0.pg),
      loadGenerator: perAnswer(ownCpuMs() - cpu0.bench),
    };
    const paced = await pacedLoop(learners, SECONDS, RATE, answerOnce);
    const raw = await rawCeiling(stack.sql, learners, SECONDS);

    console.log(
      JSON.stringify(
        {
          benchmark: 'submit-answer',
          machine: await machine(),
          setup: {
            learners: LEARNERS,
            seconds: SECONDS,
            apiInstances: stack.urls.length,
            answerMix: '80% right',
            loop: 'answer worked out from the prompt + submitAnswer (which returns the next exercise)',
            expectedAnswersLookedUpInPostgres: lookedUp.count,
          },
          saturated: {
            answersPerSecond: round(saturated.count / SECONDS),
            submitAnswerMs: latencySummary(saturated.latencies),
            cpuMsPerAnswer,
            errors: saturated.errors.length,
            sampleErrors: saturated.errors.slice(0, 3),
          },
          atFixedRate: {
            targetAnswersPerSecond: RATE,
            achievedAnswersPerSecond: round(paced.count / paced.seconds),
            submitAnswerMs: latencySummary(paced.latencies),
            errors: paced.errors.length,
          },
          rawPgCeiling: { answersPerSecond: round(raw / SECONDS) },
          ratioToRaw: Math.round((saturated.count / Math.max(raw, 1)) * 100) / 100,
          targets: { answersPerSecond: '>= 1000', p99AtRateMs: '<= 100', ratioToRaw: '>= 0.5' },
        },
        null,
        2,
      ),
    );
  } finally {
    await stack.stop();
  }
}

interface Learner {
  token: string;
  url: string;
  /** The question this learner is on (handed back by the previous answer). */
  exercise?: { id: string; prompt: string };
}
type Step = (l: Learner, latencies: number[], errors: string[]) => Promise<void>;

async function gql<T = unknown>(
  l: Learner,
  query: string,
  variables: unknown,
): Promise<{ data?: T; errors?: unknown }> {
  return postJson(`${l.url}/graphql`, { query, variables }, { authorization: `Bearer ${l.token}` });
}

async function signUpLearners(urls: string[], n: number): Promise<Learner[]> {
  const learners: Learner[] = [];
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: Math.min(8, n - i) }, async (_, j) => {
      const url = urls[(i + j) % urls.length];
      const input = {
        handle: `bench_${i + j}_${randomUUID().slice(0, 6).replace(/\d/g, 'x')}`,
        password: 'ample-bench-secret-2026',
        birthYear: 2008,
        country: 'NZ',
        languages: ['en'],
        timeZone: 'Pacific/Auckland',
      };
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
          variables: { input },
        }),
      });
      const body = (await res.json()) as { data?: { signUp: { token: string } }; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return { token: body.data.signUp.token, url };
    });
    learners.push(...(await Promise.all(batch)));
  }
  return learners;
}

/** Every learner answers as fast as the api lets it, for `seconds`. */
async function closedLoop(learners: Learner[], seconds: number, step: Step) {
  const latencies: number[] = [];
  const errors: string[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    learners.map(async (l) => {
      while (performance.now() < end) await step(l, latencies, errors);
    }),
  );
  return { count: latencies.length, latencies, errors };
}

/** Answers started at a fixed global rate (open loop), spread over the learners. */
async function pacedLoop(learners: Learner[], seconds: number, rate: number, step: Step) {
  const latencies: number[] = [];
  const errors: string[] = [];
  const start = performance.now();
  const total = Math.floor(seconds * rate);
  let finished = start;
  let next = 0;
  await Promise.all(
    learners.map(async (l) => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const due = start + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await step(l, latencies, errors);
        finished = performance.now();
      }
    }),
  );
  // The achieved rate counts the real elapsed time: if the api falls behind, it shows here.
  return { count: latencies.length, latencies, errors, seconds: (finished - start) / 1000 };
}

async function rawCeiling(pool: import('pg').Pool, learners: Learner[], seconds: number): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM users ORDER BY id LIMIT $1`, [
    learners.length,
  ]);
  let count = 0;
  const statements = rawAnswerStatements(pool);
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    rows.map(async ({ id }) => {
      const learner = { id };
      while (performance.now() < end) {
        await rawAnswer(pool, statements, learner, rng() < 0.8);
        count++;
      }
    }),
  );
  return count;
}

function answerKey(skill: SkillDefinition, seeds: number): Map<string, string> {
  const key = new Map<string, string>();
  for (let seed = 0; seed < seeds; seed++) {
    const { prompt, expected } = skill.generate(seed);
    key.set(prompt, formatExpectedAnswer(expected));
  }
  return key;
}

const round = (x: number) => Math.round(x * 10) / 10;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
