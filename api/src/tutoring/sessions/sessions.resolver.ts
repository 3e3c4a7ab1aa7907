import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/auth-decorators';
import type { AuthenticatedUser } from '../../auth/token.service';
import { RateSessionArgs, SendMessageArgs, SessionIdArgs, TutoringSessionArgs } from './dto/session.args';
import { MessagesService } from './messages.service';
import { SessionMessageModel, TutoringSessionModel } from './models/tutoring-session.model';
import { RatingsService } from './ratings.service';
import { SessionViewService } from './session-view.service';
import { SessionsService } from './sessions.service';

@Resolver()
export class SessionsResolver {
  constructor(
    private readonly view: SessionViewService,
    private readonly sessions: SessionsService,
    private readonly messages: MessagesService,
    private readonly ratings: RatingsService,
  ) {}

  @Query(() => TutoringSessionModel, { description: 'A session I am in, with its chat.' })
  tutoringSession(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { id }: TutoringSessionArgs,
  ): Promise<TutoringSessionModel> {
    return this.view.get(user.id, id);
  }

  @Mutation(() => SessionMessageModel)
  sendMessage(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { sessionId, text }: SendMessageArgs,
  ): Promise<SessionMessageModel> {
    return this.messages.send(user.id, sessionId, text);
  }

  @Mutation(() => TutoringSessionModel, { description: 'Either side ends the session.' })
  endSession(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { sessionId }: SessionIdArgs,
  ): Promise<TutoringSessionModel> {
    return this.sessions.end(user.id, sessionId);
  }

  @Mutation(() => Boolean, { description: 'The learner rates the session, once.' })
  rateSession(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { sessionId, stars, helpful }: RateSessionArgs,
  ): Promise<boolean> {
    return this.ratings.rate(user.id, sessionId, stars, helpful);
  }
}
