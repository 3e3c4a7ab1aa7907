import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/auth-decorators';
import type { AuthenticatedUser } from '../../auth/token.service';
import { TutoringSessionRefModel } from '../help-requests/models/help-request.model';
import { AcceptOfferService } from './accept-offer.service';
import { OfferIdArgs } from './dto/offer-id.args';
import { OfferModel } from './models/offer.model';
import { OfferResolutionService } from './offer-resolution.service';
import { OfferViewService } from './offer-view.service';

@Resolver()
export class OffersResolver {
  constructor(
    private readonly view: OfferViewService,
    private readonly acceptance: AcceptOfferService,
    private readonly resolution: OfferResolutionService,
  ) {}

  @Query(() => OfferModel, {
    nullable: true,
    description: 'The offer I (a tutor) am being asked to take, if any.',
  })
  myOffer(@CurrentUser() user: AuthenticatedUser): Promise<OfferModel | null> {
    return this.view.mine(user.id);
  }

  @Mutation(() => TutoringSessionRefModel, {
    description: 'Take the offer: starts a session with the learner.',
  })
  async acceptOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { offerId }: OfferIdArgs,
  ): Promise<TutoringSessionRefModel> {
    return { id: await this.acceptance.accept(user.id, offerId) };
  }

  @Mutation(() => Boolean, {
    description: 'Pass on the offer: the learner is offered to the next tutor and keeps their place.',
  })
  declineOffer(@CurrentUser() user: AuthenticatedUser, @Args() { offerId }: OfferIdArgs): Promise<boolean> {
    return this.resolution.decline(user.id, offerId);
  }
}
