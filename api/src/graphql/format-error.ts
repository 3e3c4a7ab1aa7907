import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, KNOWN_CODES } from './peerlift-error';

const logger = new Logger('GraphQL');

/**
 * Every error leaves with a stable `extensions.code`. Unknown errors are logged and replaced by a generic
 * INTERNAL_SERVER_ERROR so no internals (SQL, stack, paths) reach a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (KNOWN_CODES.has(code)) {
    const { stacktrace: _s, originalError: _o, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: { ...extensions, code: code === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : code } };
  }
  logger.error((error as { originalError?: Error })?.originalError ?? error);
  return {
    message: 'Something went wrong on our side.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
