import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import pg from 'pg';
import { graphqlRequest, type GraphQLResponse } from '@peerlift/testing';
import { createApiApp } from '../../src/bootstrap';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config';
import { createTestServices, TEST_REDIS_URL } from './test-database';

export interface TestApi {
  url: string;
  config: AppConfig;
  app: INestApplication;
  /** A direct connection to this test's database, for arranging and asserting. */
  sql: pg.Pool;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Boots the real api (real Postgres database of its own, real Redis prefix of its own) on a free port. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  // A second api on another's database and Redis prefix (e.g. two instances sharing pub/sub) reuses them.
  const services =
    env.DATABASE_URL && env.REDIS_PREFIX
      ? { databaseUrl: env.DATABASE_URL, redisPrefix: env.REDIS_PREFIX }
      : await createTestServices();
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: services.redisPrefix,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    WEB_ROOT: '',
    ...env,
  });
  const app = await createApiApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const address = server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const sql = new pg.Pool({ connectionString: services.databaseUrl, max: 4 });
  return {
    url,
    config,
    app,
    sql,
    gql: (query, variables, token) => graphqlRequest(`${url}/graphql`, { query, variables, token }),
    close: async () => {
      await app.close();
      await sql.end();
    },
  };
}
