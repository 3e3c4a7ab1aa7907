import { Logger } from '@nestjs/common';
import { ConfigError } from '@peerlift/api/config/app-config';
import { ensureDatabase, ServiceUnavailableError } from '@peerlift/api/database/ensure-database';
import { checkRedis } from '@peerlift/api/redis/check-redis';
import { createWorker } from './bootstrap';
import { loadWorkerConfig } from './config/worker-config';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  await ensureDatabase(config.app.DATABASE_URL);
  await checkRedis(config.app.REDIS_URL);
  const worker = await createWorker(config);
  // SIGTERM/SIGINT close the context: BullMQ workers finish their active jobs first.
  worker.enableShutdownHooks();
  new Logger('Peerlift').log('worker running');
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof ServiceUnavailableError ? e.message : e);
  process.exit(1);
});
