import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { WorkerConfig } from './config/worker-config';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker context — shared by main.ts and the tests. */
export async function createWorker(
  config: WorkerConfig,
  options: { logger?: false } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  await app.init();
  return app;
}
