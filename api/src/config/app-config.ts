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
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(24 * 3600),
  /** Where a generated JWT secret is kept outside production. */
  LOCAL_STATE_DIR: z.string().default('.peerlift'),
  /** The built web app served at `/`; empty disables static serving. */
  WEB_ROOT: z.string().default('web/build'),
  PUBLIC_URL: z.string().url().optional(),
  /** Public base URL used in Open Badges documents and links; defaults to http://HOST:PORT. */
  LOGIN_ATTEMPTS_PER_WINDOW: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(600),
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
    throw new ConfigError(`Invalid configuration:\n  JWT_SECRET_FILE: ${file} must exist and hold at least 32 characters`);
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
