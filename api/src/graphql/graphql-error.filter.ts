import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Expected errors (PeerliftError and other GraphQLErrors) go back to the client as they are, without Nest
 * logging them as server errors; everything else is logged and masked by formatGraphQLError.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError, _host: ArgumentsHost): GraphQLError {
    return error;
  }
}
