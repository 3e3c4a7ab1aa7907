import { Injectable } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Kind, OperationTypeNode } from 'graphql';
import type { AuthenticatedUser, TokenService } from '../auth/token.service';
import type { GraphQLContext } from './graphql-options';

/**
 * Whole responses of queries whose answer is the same for every viewer of a role (the global top 100 read
 * by thousands of learners a second), kept for a second or so and served before Nest and Apollo run.
 *
 * A response is stored only when every root field of the query said, from its resolver, that its result
 * does not depend on who asks (`shareResponse`), the query succeeded, and it came over HTTP as JSON. It is
 * keyed by the requester's role and the exact request body, so a hit is a request that would have passed
 * the same validation, cost limits and guards: the token is still verified on every hit (an invalid one
 * falls through to the normal path and its UNAUTHENTICATED error).
 */
@Injectable()
export class SharedResponseCache {
  private readonly entries = new Map<string, { body: string; expires: number }>();

  get(key: string, now = Date.now()): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires > now) return hit.body;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, body: string, ttlMs: number, now = Date.now()): void {
    // Keys are request bodies: bounded so that varied requests cannot grow the process without end.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { body, expires: now + ttlMs });
  }
}

/** Larger bodies are never cached (real shared queries are a few hundred bytes). */
export const MAX_SHARED_BODY_BYTES = 4096;
const MAX_ENTRIES = 1000;

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The JSON body's text when small, for the cache key (set by the api's JSON parser). Not `rawBody`:
     * @nestjs/platform-fastify declares that one, as a Buffer, for an option of its own.
     */
    bodyText?: string;
  }
}

/** What a GraphQL context carries for the cache: resolvers' shared-root-field marks. */
export interface SharedMarks {
  shared?: { rootFields: number; ttlMs: number };
  user?: AuthenticatedUser;
}

/** Called by a root-field resolver whose result is the same for everyone with the viewer's role. */
export function shareResponse(ctx: GraphQLContext, ttlMs: number): void {
  const marks = ctx as GraphQLContext & SharedMarks;
  marks.shared = {
    rootFields: (marks.shared?.rootFields ?? 0) + 1,
    ttlMs: Math.min(ttlMs, marks.shared?.ttlMs ?? ttlMs),
  };
}

export function sharedResponseKey(role: string, rawBody: string): string {
  return `${role}\n${rawBody}`;
}

/** Called by the JSON body parser: keeps small bodies' text for the cache key. */
export function keepRawBody(req: FastifyRequest, body: string): void {
  if (body.length <= MAX_SHARED_BODY_BYTES) req.bodyText = body;
}

/**
 * A Fastify preHandler hook (the body is parsed by then) in front of /graphql: answers from the cache when
 * it can, else lets the request go on to Apollo.
 */
export function serveSharedResponses(cache: SharedResponseCache, tokens: TokenService) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const raw = req.bodyText;
    if (req.method !== 'POST' || raw === undefined || req.routeOptions.url !== '/graphql') return;
    const user = tokens.fromAuthorizationHeader(req.headers.authorization);
    const body = user && cache.get(sharedResponseKey(user.role, raw));
    if (!body) return;
    await reply.header('content-type', 'application/json; charset=utf-8').send(body);
  };
}

/** Apollo plugin: stores a response when every root field marked it shared (see `shareResponse`). */
export function sharedResponsePlugin(cache: SharedResponseCache): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, operation, response }) {
          const ctx = contextValue as GraphQLContext & SharedMarks;
          const raw = ctx.req?.bodyText;
          if (!ctx.shared || !ctx.user || !raw || operation?.operation !== OperationTypeNode.QUERY)
            return Promise.resolve();
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return Promise.resolve();
          if (response.http.status !== undefined && response.http.status !== 200) return Promise.resolve();
          // Fragments or @skip at the root would make the count of marked fields mean nothing: not cached.
          const roots = operation.selectionSet.selections;
          if (!roots.every((s) => s.kind === Kind.FIELD && !s.directives?.length)) return Promise.resolve();
          if (ctx.shared.rootFields !== roots.length) return Promise.resolve();
          cache.set(
            sharedResponseKey(ctx.user.role, raw),
            JSON.stringify(response.body.singleResult),
            ctx.shared.ttlMs,
          );
          return Promise.resolve();
        },
      });
    },
  };
}
