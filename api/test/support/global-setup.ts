import { randomBytes } from 'node:crypto';
import { register } from 'tsconfig-paths';
import { TEST_ADMIN_URL, templateDatabaseName } from './test-database';

/**
 * Once per `jest` run: a run id, and a template database with every migration applied and the knowledge
 * map seeded. Each test file clones the template (CREATE DATABASE … TEMPLATE), which takes ~100 ms instead
 * of migrating again, and gets its own Redis key prefix — so files and runs never share state.
 */
export default async function globalSetup(): Promise<void> {
  // globalSetup runs outside Jest's module map, so resolve the workspace aliases here as tsconfig does.
  register({
    baseUrl: process.cwd(),
    paths: {
      '@peerlift/domain': ['libs/domain/src/index.ts'],
      '@peerlift/contracts': ['libs/contracts/src/index.ts'],
      '@peerlift/experiments': ['experiments/src/index.ts'],
    },
  });
  process.env.PEERLIFT_TEST_RUN ??= `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${templateDatabaseName()}`;
  const { migrateAndSeedCurriculum } = await import('../../src/database/migrate');
  await migrateAndSeedCurriculum(url.toString());
}
