import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, KNOWN_CODES } from './peerlift-error';

const logger = new Logger('GraphQL');

/**
 * Every error leaves with a stable `extensions.code`. Unknown errors are logged and replaced by a generic
 * INTERNAL_SERVER_ERROR so no internals (SQL, stack, paths) reach a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const rawCode = formatted.extensions?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  if (KNOWN_CODES.has(code)) {
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.originalError;
    return {
      ...formatted,
      extensions: { ...extensions, code: code === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : code },
    };
  }
  logger.error((error as { originalError?: Error })?.originalError ?? error);
  return {
    message: 'Something went wrong on our side.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
