import 'reflect-metadata';
import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ValidationError } from 'class-validator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
// Types only: @fastify/static adds reply.sendFile (Nest loads the plugin itself for useStaticAssets).
import type {} from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { TokenService } from './auth/token.service';
import { GraphQLHttpErrorFilter } from './graphql/http-error.filter';
import { ErrorCode, PeerliftError } from './graphql/peerlift-error';
import { keepRawBody, serveSharedResponses, SharedResponseCache } from './graphql/shared-responses';

/** 64 KB is ample for any GraphQL operation we accept; larger bodies are refused (413) before parsing. */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the api (without listening) — shared by main.ts and the tests, so both run the same app. Nest runs
 * on Fastify rather than Express: on our 2-core reference machine the Express stack (router, body-parser,
 * etag, negotiation) was ~17 % of the api's CPU per answered question, and the same app on Fastify spends
 * about 0.25 ms less CPU per answer (docs/decisions.md).
 */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    // Forwarded client addresses are believed only from a proxy on this machine.
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: 'loopback' }),
    { logger: options.logger ?? ['log', 'warn', 'error'], bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  parseJsonKeepingSmallBodies(fastify);
  // Before Nest and Apollo: whole responses that are the same for everyone (see shared-responses.ts).
  fastify.addHook('preHandler', serveSharedResponses(app.get(SharedResponseCache), app.get(TokenService)));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new PeerliftError(ErrorCode.BAD_USER_INPUT, 'Some input is invalid.', { fields: flatten(errors) }),
    }),
  );
  app.useGlobalFilters(new GraphQLHttpErrorFilter(app.getHttpAdapter()));
  serveWebApp(app, fastify, config);
  app.enableShutdownHooks();
  return app;
}

/**
 * JSON bodies through Fastify's own safe parser (prototype poisoning refused), keeping the text of small ones
 * for the shared-response cache key.
 */
function parseJsonKeepingSmallBodies(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    keepRawBody(req, body as string);
    void parse(req, body as string, done);
  });
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

/** Paths the api answers itself; every other GET asking for HTML gets the SPA's index.html. */
const API_PATH = /^\/(graphql|api|health|badges)(\/|$)/;

/** Serves the built SvelteKit SPA at `/`, falling back to index.html for client-side routes. */
function serveWebApp(app: NestFastifyApplication, fastify: FastifyInstance, config: AppConfig): void {
  const root = resolve(config.WEB_ROOT);
  if (!config.WEB_ROOT || !existsSync(resolve(root, 'index.html'))) {
    new Logger('Web').warn(`No built web app at ${root}; only the API is served.`);
    return;
  }
  // One route per built file (the build does not change while the api runs), so the catch-all below is
  // the only wildcard: a client-side route such as /learn/fractions gets index.html.
  app.useStaticAssets({ root, prefix: '/', wildcard: false, index: 'index.html', maxAge: '1h' });
  fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    const accept = req.headers.accept;
    // As a browser navigating, or a client that takes anything (Express's `req.accepts('html')`).
    const wantsHtml = !accept || /text\/html|\*\/\*/.test(accept);
    if (API_PATH.test(path) || !wantsHtml) {
      return reply.code(404).send({ statusCode: 404, message: `Cannot GET ${path}`, error: 'Not Found' });
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .sendFile('index.html');
  });
}
