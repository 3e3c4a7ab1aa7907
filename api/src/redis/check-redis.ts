import { Redis } from 'ioredis';
import { ServiceUnavailableError, redact } from '../database/ensure-database';

/** Fails with one line naming the URL and how to start Redis when it cannot be reached within 5 s. */
export async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new ServiceUnavailableError(
      `Cannot reach Redis at ${redact(url)} (${(e as Error).message}); start it (e.g. ` +
        '`redis-server --daemonize yes`, or `docker compose up -d postgres redis`).',
    );
  } finally {
    client.disconnect();
  }
}
