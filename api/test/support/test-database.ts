import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

/** The server tests use; override with TEST_DATABASE_URL / TEST_REDIS_URL (read only by test support). */
export const TEST_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function runId(): string {
  const id = process.env.PEERLIFT_TEST_RUN;
  if (!id)
    throw new Error('PEERLIFT_TEST_RUN is not set: run the int tests through jest (globalSetup sets it)');
  return id;
}

export const templateDatabaseName = () => `peerlift_t_${runId()}_tpl`;

export interface TestServices {
  databaseUrl: string;
  redisPrefix: string;
}

/** A fresh database cloned from the run's migrated template, and a Redis prefix of its own. */
export async function createTestServices(): Promise<TestServices> {
  const suffix = randomBytes(4).toString('hex');
  const name = `peerlift_t_${runId()}_${suffix}`;
  await withAdmin(async (c) => {
    // CREATE DATABASE … TEMPLATE needs the template to have no other connections; retry briefly if busy.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(
          `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateDatabaseName())}`,
        );
        return;
      } catch (e) {
        if (attempt > 20 || (e as { code?: string }).code !== '55006') throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString(), redisPrefix: `pl_t_${runId()}_${suffix}` };
}

export async function dropRunDatabases(): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`peerlift_t_${runId()}_%`],
    );
    for (const { datname } of rows) {
      await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

export async function deleteRunRedisKeys(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `pl_t_${runId()}_*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
