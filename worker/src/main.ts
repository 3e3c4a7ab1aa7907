import 'reflect-metadata';
import { ensureDatabase, ServiceUnavailableError } from '@peerlift/api/database/ensure-database';
import { checkRedis } from '@peerlift/api/redis/check-redis';
import { loadWorkerConfig, WorkerConfigError } from './config/worker-config';
import { startWorkerRuntime } from './worker-runtime';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  await ensureDatabase(config.DATABASE_URL);
  await checkRedis(config.REDIS_URL);
  const runtime = await startWorkerRuntime(config);
  console.log(`worker running ${runtime.workers.map((w) => w.name).join(', ')}`);
  const stop = () => {
    // Closing waits for active jobs to finish, so a deploy never abandons one half-done.
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof WorkerConfigError || e instanceof ServiceUnavailableError ? e.message : e);
  process.exit(1);
});
