import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from './auth-decorators';
import { AuthService } from './auth.service';
import { LogInInput, SignUpInput } from './dto/sign-up.input';
import { AuthPayloadModel, UserModel } from './models/user.model';
import type { AuthenticatedUser } from './token.service';

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  signUp(@Args('input') input: SignUpInput): Promise<AuthPayloadModel> {
    return this.auth.signUp(input) as Promise<AuthPayloadModel>;
  }

  @Public()
  @Mutation(() => AuthPayloadModel)
  logIn(@Args('input') input: LogInInput): Promise<AuthPayloadModel> {
    return this.auth.logIn(input) as Promise<AuthPayloadModel>;
  }

  @Query(() => UserModel)
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserModel> {
    return this.auth.findUser(user.id) as Promise<UserModel>;
  }
}
