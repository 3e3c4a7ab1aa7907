import 'reflect-metadata';
import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ValidationError } from 'class-validator';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express from 'express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { TokenService } from './auth/token.service';
import { ErrorCode, PeerliftError } from './graphql/peerlift-error';
import { keepRawBody, serveSharedResponses, SharedResponseCache } from './graphql/shared-responses';

/** Builds the api (without listening) — shared by main.ts and the tests, so both run the same app. */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
    bodyParser: false,
  });
  // 64 KB is ample for any GraphQL operation we accept; larger bodies are refused before parsing.
  app.use(express.json({ limit: '64kb', verify: keepRawBody }));
  // Before Nest and Apollo: whole responses that are the same for everyone (see shared-responses.ts).
  app.use(serveSharedResponses(app.get(SharedResponseCache), app.get(TokenService)));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new PeerliftError(ErrorCode.BAD_USER_INPUT, 'Some input is invalid.', { fields: flatten(errors) }),
    }),
  );
  serveWebApp(app, config);
  app.enableShutdownHooks();
  return app;
}

function flatten(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    Object.assign(out, flatten(e.children ?? [], path));
  }
  return out;
}

/** Serves the built SvelteKit SPA at `/`, falling back to index.html for client-side routes. */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const root = resolve(config.WEB_ROOT);
  if (!config.WEB_ROOT || !existsSync(resolve(root, 'index.html'))) {
    new Logger('Web').warn(`No built web app at ${root}; only the API is served.`);
    return;
  }
  app.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    const api = /^\/(graphql|api|health|badges)(\/|$)/.test(req.path);
    if (req.method !== 'GET' || api || !req.accepts('html')) return next();
    res.sendFile(resolve(root, 'index.html'));
  });
}
