import type { INestApplicationContext } from '@nestjs/common';
// The worker has no import alias; tests boot it in process on the api's database and Redis prefix.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createWorker } from '../../../worker/src/bootstrap';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadWorkerConfig } from '../../../worker/src/config/worker-config';
import type { TestApi } from './test-api';

/** The real worker, in process, on the same database and Redis prefix as the api under test. */
export function startTestWorker(
  api: TestApi,
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  return createWorker(
    loadWorkerConfig({
      NODE_ENV: 'test',
      DATABASE_URL: api.config.DATABASE_URL,
      REDIS_URL: api.config.REDIS_URL,
      REDIS_PREFIX: api.config.REDIS_PREFIX,
      JWT_SECRET: api.config.JWT_SECRET,
      ...env,
    }),
    { logger: false },
  );
}
