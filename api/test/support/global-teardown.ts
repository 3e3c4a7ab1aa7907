import { dropRunDatabases, deleteRunRedisKeys } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await dropRunDatabases();
  await deleteRunRedisKeys();
}
