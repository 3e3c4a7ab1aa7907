import { Logger } from '@nestjs/common';
import { createApiApp } from './bootstrap';
import { ConfigError, loadAppConfig } from './config/app-config';
import { ensureDatabase, ServiceUnavailableError } from './database/ensure-database';
import { checkRedis } from './redis/check-redis';

async function main(): Promise<void> {
  const config = loadAppConfig();
  await ensureDatabase(config.DATABASE_URL);
  await checkRedis(config.REDIS_URL);
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('Peerlift').log(`api listening on ${config.PUBLIC_URL}`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof ServiceUnavailableError) {
    console.error(e.message);
  } else {
    console.error(e);
  }
  process.exit(1);
});
