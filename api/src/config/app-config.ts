import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The api's and worker's one validated configuration, parsed once at start-up (STYLE.md habit 7).
 * `process.env` is read here and nowhere else.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/peerlift'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Every Redis key and BullMQ queue is namespaced with this; tests give each run its own. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, _ and - only')
    .default('peerlift'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Alternative to JWT_SECRET: a file holding it (docker compose generates one into a volume). */
  JWT_SECRET_FILE: z.string().min(1).optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(24 * 3600),
  /** Where a generated JWT secret is kept outside production. */
  LOCAL_STATE_DIR: z.string().default('.peerlift'),
  /** The built web app served at `/`; empty disables static serving. */
  WEB_ROOT: z.string().default('web/build'),
  PUBLIC_URL: z.string().url().optional(),
  /** Public base URL used in Open Badges documents and links; defaults to http://HOST:PORT. */
  LOGIN_ATTEMPTS_PER_WINDOW: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(600),
  /** Gamification (docs/gamification.md): weekly league cohort size and how many go up / down at roll-over. */
  LEAGUE_COHORT_SIZE: z.coerce.number().int().min(2).max(100).default(30),
  LEAGUE_PROMOTE: z.coerce.number().int().min(0).max(50).default(7),
  LEAGUE_DEMOTE: z.coerce.number().int().min(0).max(50).default(5),
  /** The Open Badges issuer's contact address (an Issuer Profile must have one). */
  OPEN_BADGES_ISSUER_EMAIL: z.string().email().default('badges@peerlift.example.org'),
  /** How often each worker polls the leaderboard outbox when it is empty. */
  LEADERBOARD_DRAIN_INTERVAL_MS: z.coerce.number().int().min(20).max(60000).default(500),
  /** Tests only (ignored unless NODE_ENV=test): the api kills itself right after an answer commits. */
  TEST_CRASH_AFTER_COMMIT: z.enum(['0', '1']).default('0'),
  /** Tutoring (docs/tutoring.md): a tutor silent this long is no longer offered anything. */
  TUTOR_HEARTBEAT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(45),
  /** How long a tutor has to accept an exclusive offer. */
  OFFER_TTL_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** A help request not matched this long expires and points the learner to the lesson. */
  HELP_REQUEST_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /**
   * Event-triggered matching waits this long to batch requests that arrive together. 0: requests that arrive
   * while a tick runs are batched into the next one anyway, so batches grow with load.
   */
  MATCHING_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(5000).default(0),
  /** Most waiting requests one matching tick takes from one skill's line (the rest go in the next tick). */
  MATCHING_BATCH_MAX: z.coerce.number().int().min(1).max(2000).default(50),
  /**
   * The skills are split into this many shards; one tick matches every skill of its shard with waiting
   * requests, and ticks of different shards run in parallel. Fewer shards make fewer, larger ticks; more
   * let ticks overlap. 2 was best on a 2-core machine (docs/tutoring.md, "Matching").
   */
  MATCHING_SHARDS: z.coerce.number().int().min(1).max(256).default(2),
  MAX_OFFERS_PER_TUTOR_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  CHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(30),
  /** Experiments (docs/experiments.md): the client key of GET /api/features/:clientKey (public, like GrowthBook's). */
  GROWTHBOOK_CLIENT_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{3,64}$/, 'letters, digits, _ and - only')
    .default('sdk-peerlift'),
  /** How long Redis remembers that a learner was exposed (phase de-dup before Postgres; Postgres is exact). */
  EXPOSURE_DEDUP_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86400)
    .default(86400),
  /** Each process re-reads experiment state this often, in case a pub/sub change message was lost. */
  EXPERIMENTS_RELOAD_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often the worker refreshes the result snapshots of running experiments. */
  EXPERIMENT_SNAPSHOT_SECONDS: z.coerce.number().int().min(10).max(86400).default(600),
});

export type AppConfig = Omit<z.infer<typeof schema>, 'JWT_SECRET' | 'PUBLIC_URL'> & {
  JWT_SECRET: string;
  PUBLIC_URL: string;
};

export class ConfigError extends Error {}

/** Parses and validates the environment; throws one ConfigError naming every bad key. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  if (raw.LEAGUE_PROMOTE + raw.LEAGUE_DEMOTE > raw.LEAGUE_COHORT_SIZE) {
    throw new ConfigError(
      'Invalid configuration:\n  LEAGUE_PROMOTE + LEAGUE_DEMOTE: must not exceed LEAGUE_COHORT_SIZE',
    );
  }
  const secret = raw.JWT_SECRET ?? secretFromFile(raw.JWT_SECRET_FILE);
  if (!secret && raw.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: required in production (at least 32 characters, or JWT_SECRET_FILE)',
    );
  }
  return {
    ...raw,
    JWT_SECRET: secret ?? localJwtSecret(raw.LOCAL_STATE_DIR),
    PUBLIC_URL: (raw.PUBLIC_URL ?? `http://${raw.HOST}:${raw.PORT}`).replace(/\/$/, ''),
  };
}

function secretFromFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const secret = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (secret.length < 32) {
    throw new ConfigError(
      `Invalid configuration:\n  JWT_SECRET_FILE: ${file} must exist and hold at least 32 characters`,
    );
  }
  return secret;
}

/** Outside production a secret is generated once and kept in a local file so tokens survive restarts. */
function localJwtSecret(stateDir: string): string {
  const file = resolve(stateDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process (api and worker start together) wrote it first: use theirs.
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
  }
  return readFileSync(file, 'utf8').trim();
}
