import { ensureDatabase, ServiceUnavailableError } from '../../src/database/ensure-database';
import { checkRedis } from '../../src/redis/check-redis';
import { loadAppConfig } from '../../src/config/app-config';

describe('start-up checks', () => {
  it('names the Postgres URL and how to start it when it cannot be reached', async () => {
    const attempt = ensureDatabase('postgres://postgres:secret@127.0.0.1:1/peerlift');
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(attempt).rejects.toThrow(
      /PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/peerlift .*docker compose up -d postgres redis/,
    );
  });

  it('names the Redis URL and how to start it when it cannot be reached', async () => {
    const attempt = checkRedis('redis://127.0.0.1:1');
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(attempt).rejects.toThrow(
      /Redis at redis:\/\/127\.0\.0\.1:1.*docker compose up -d postgres redis/,
    );
  });

  it('creates a missing database', async () => {
    const url = `postgres://postgres@127.0.0.1:5432/peerlift_t_${process.env.PEERLIFT_TEST_RUN}_created`;
    await ensureDatabase(url);
    await ensureDatabase(url); // and a second time is a no-op
  });

  it('stops on bad configuration naming every bad key', () => {
    expect(() =>
      loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_PREFIX: 'a:b', JWT_SECRET: 'short' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*REDIS_PREFIX[\s\S]*JWT_SECRET/);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
  });
});
