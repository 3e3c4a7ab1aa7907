import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/auth-decorators';
import type { AuthenticatedUser } from '../../auth/token.service';
import { RequestHelpArgs } from './dto/request-help.args';
import { HelpRequestViewService } from './help-request-view.service';
import { HelpRequestsService } from './help-requests.service';
import { HelpRequestModel } from './models/help-request.model';

@Resolver()
export class HelpRequestsResolver {
  constructor(
    private readonly requests: HelpRequestsService,
    private readonly view: HelpRequestViewService,
  ) {}

  @Query(() => HelpRequestModel, {
    nullable: true,
    description: 'My open help request, else my latest one of the last day.',
  })
  myHelpRequest(@CurrentUser() user: AuthenticatedUser): Promise<HelpRequestModel | null> {
    return this.view.mine(user.id);
  }

  @Mutation(() => HelpRequestModel, {
    description: 'Ask for a tutor in a skill (one open request at a time).',
  })
  requestHelp(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { skillSlug, note }: RequestHelpArgs,
  ): Promise<HelpRequestModel> {
    return this.requests.request(user.id, skillSlug, note);
  }

  @Mutation(() => HelpRequestModel, { description: 'Cancel my waiting help request.' })
  cancelHelpRequest(@CurrentUser() user: AuthenticatedUser): Promise<HelpRequestModel> {
    return this.requests.cancel(user.id);
  }
}
