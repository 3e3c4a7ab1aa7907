import { Module } from '@nestjs/common';
import { OffersModule } from '../offers/offers.module';
import { TutoringCoreModule } from '../tutoring-core.module';
import { CandidateLoader } from './candidate-loader';
import { MatchingService } from './matching.service';
import { OfferCreationService } from './offer-creation.service';
import { SweepService } from './sweep.service';

/** The worker side of matching: ticks, offer creation and the sweep. */
@Module({
  imports: [TutoringCoreModule, OffersModule],
  providers: [CandidateLoader, MatchingService, OfferCreationService, SweepService],
  exports: [MatchingService, SweepService, OffersModule],
})
export class MatchingModule {}
