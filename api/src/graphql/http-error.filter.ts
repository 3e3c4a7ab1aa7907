import { Catch, HttpException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from './peerlift-error';

const GRAPHQL_PATH = /^\/graphql(\?|$)/;

/**
 * Refusals Fastify makes before Apollo sees a /graphql request — a body that is not JSON or is empty, a
 * body over the 64 KB limit — answered in GraphQL's own error shape with a stable code, like every other
 * refusal a client gets from /graphql (Nest's default was `{statusCode, message}`). Other paths, and errors
 * inside resolvers (handled by Apollo and formatGraphQLError), are left as they were.
 */
@Catch(HttpException)
export class GraphQLHttpErrorFilter extends BaseExceptionFilter {
  override catch(error: HttpException, host: ArgumentsHost): void {
    // In a resolver the error is Apollo's to format: rethrowing is what Nest's default filter does there.
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (!GRAPHQL_PATH.test(request.url)) return super.catch(error, host);
    const status = error.getStatus() as HttpStatus;
    const code =
      status === HttpStatus.PAYLOAD_TOO_LARGE ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST;
    void http
      .getResponse<FastifyReply>()
      .status(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ errors: [{ message: error.message, extensions: { code } }] }));
  }
}
