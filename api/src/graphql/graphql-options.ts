import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { formatGraphQLError } from './format-error';
import { sharedResponsePlugin, type SharedResponseCache } from './shared-responses';

/** What resolvers and guards see: the HTTP request, or a graphql-ws connection's params. */
export interface GraphQLContext {
  req?: FastifyRequest;
  connectionParams?: Record<string, unknown>;
}

/**
 * Limits documented in docs/security.md. Depth 10 covers our deepest real query (session → messages →
 * author) with room; aliases are capped so one request cannot multiply a resolver.
 */
export function buildGraphQLOptions(config: AppConfig, shared: SharedResponseCache): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 5 },
    maxDirectives: { n: 10 },
    // Token limits are enforced by graphql-js's own parser (parseOptions below), which reports a
    // GRAPHQL_PARSE_FAILED 400 like any syntax error; armor's plugin would turn those into 500s.
    maxTokens: { enabled: false },
    // A literal `first: N` multiplies a field's cost by N, so `leaderboard(first: 100)` costs ~1,200.
    costLimit: { maxCost: 5000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: 2000 },
    allowBatchedHttpRequests: false,
    // We set no cache hints, so Apollo's cache-control plugin is pure overhead (10–15% of a cheap query).
    plugins: [...armor.plugins, ApolloServerPluginCacheControlDisabled(), sharedResponsePlugin(shared)],
    validationRules: armor.validationRules,
    // Guards must run on @ResolveField too, or a field resolver could leak private data.
    fieldResolverEnhancers: ['guards', 'filters'],
    formatError: formatGraphQLError,
    // HTTP: Apollo's Fastify integration passes the request itself; graphql-ws passes its own context,
    // whose connectionParams carry the token.
    context: (ctx: FastifyRequest | { connectionParams?: Record<string, unknown> }): GraphQLContext =>
      'raw' in ctx ? { req: ctx } : { connectionParams: ctx.connectionParams },
    subscriptions: { 'graphql-ws': { path: '/graphql' } },
  };
}
