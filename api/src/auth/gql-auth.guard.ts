import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import type { GraphQLContext } from '../graphql/graphql-options';
import { PUBLIC_KEY, ROLES_KEY } from './auth-decorators';
import { TokenService, type AuthenticatedUser } from './token.service';
import type { Role } from './user.entity';

/**
 * Global guard for every GraphQL resolver, field resolvers included (fieldResolverEnhancers: ['guards']).
 * Reads the bearer token from the HTTP Authorization header or the graphql-ws connection params.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true; // HTTP controllers are public documents
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const ctx = GqlExecutionContext.create(context).getContext<
      GraphQLContext & { user?: AuthenticatedUser }
    >();
    const user = ctx.user ?? this.authenticate(ctx);
    ctx.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && user.role !== 'ADMIN' && !roles.includes(user.role)) {
      throw new PeerliftError(ErrorCode.FORBIDDEN, 'You do not have permission to do that.');
    }
    return true;
  }

  private authenticate(ctx: GraphQLContext): AuthenticatedUser {
    // Over graphql-ws, Nest sets `req` to the socket's context object, which has no headers.
    const header =
      ctx.req?.headers?.authorization ??
      ctx.connectionParams?.['authorization'] ??
      ctx.connectionParams?.['Authorization'];
    const user = this.tokens.fromAuthorizationHeader(header);
    if (!user)
      throw new PeerliftError(
        ErrorCode.UNAUTHENTICATED,
        'Please log in: the token is missing, invalid or expired.',
      );
    return user;
  }
}
