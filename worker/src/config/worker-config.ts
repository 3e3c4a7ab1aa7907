import { z } from 'zod';
import { ConfigError, loadAppConfig, type AppConfig } from '@peerlift/api/config/app-config';

/**
 * The worker's one validated configuration, parsed once at start-up: the shared server settings (database,
 * Redis, prefix) plus the worker's own. process.env is read nowhere else.
 */
const schema = z.object({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  STALE_EXERCISE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 7),
});

export type WorkerConfig = z.infer<typeof schema> & { app: AppConfig };

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = schema.safeParse(env);
  let app: AppConfig | undefined;
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  try {
    app = loadAppConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.unshift(...e.message.split('\n').slice(1));
  }
  if (problems.length || !parsed.success || !app)
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return { ...parsed.data, app };
}
