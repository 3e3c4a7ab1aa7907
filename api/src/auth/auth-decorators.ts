import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from './user.entity';
import type { AuthenticatedUser } from './token.service';

export const PUBLIC_KEY = 'peerlift:public';
export const ROLES_KEY = 'peerlift:roles';

/** Marks a resolver as reachable without a token (sign-up, log-in). Everything else needs one. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Restricts a resolver to these roles (ADMIN always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The user the guard authenticated for this request. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser =>
    GqlExecutionContext.create(ctx).getContext<{ user: AuthenticatedUser }>().user,
);
