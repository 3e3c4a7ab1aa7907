import { Module } from '@nestjs/common';
import { TutoringCoreModule } from '../tutoring-core.module';
import { AcceptOfferService } from './accept-offer.service';
import { OfferResolutionService } from './offer-resolution.service';
import { OfferViewService } from './offer-view.service';
import { OffersResolver } from './offers.resolver';

@Module({
  imports: [TutoringCoreModule],
  providers: [OfferViewService, AcceptOfferService, OfferResolutionService, OffersResolver],
  exports: [OfferResolutionService, AcceptOfferService],
})
export class OffersModule {}
