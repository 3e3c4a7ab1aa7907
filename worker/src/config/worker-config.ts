import { z } from 'zod';

/** The worker's one validated configuration, parsed once at start-up; process.env is read nowhere else. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/peerlift'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
    .default('peerlift'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  STALE_EXERCISE_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 7),
});

export type WorkerConfig = z.infer<typeof schema>;

export class WorkerConfigError extends Error {}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new WorkerConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
