import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/auth-decorators';
import type { AuthenticatedUser } from '../../auth/token.service';
import { BlockInput, ReportInput } from './dto/safety.input';
import { SafetyService } from './safety.service';

@Resolver()
export class SafetyResolver {
  constructor(private readonly safety: SafetyService) {}

  @Mutation(() => Boolean, {
    description: "Report someone to the moderators (a session's transcript is kept).",
  })
  report(@CurrentUser() user: AuthenticatedUser, @Args('input') input: ReportInput): Promise<boolean> {
    return this.safety.report(user.id, input);
  }

  @Mutation(() => Boolean, {
    description: 'Never be matched with this person again; ends a live session with them.',
  })
  block(@CurrentUser() user: AuthenticatedUser, @Args('input') input: BlockInput): Promise<boolean> {
    return this.safety.block(user.id, input);
  }
}
