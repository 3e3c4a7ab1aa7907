import { Module } from '@nestjs/common';
import { ExperimentCatalogueService } from './experiment-catalogue.service';
import { ExperimentControlService } from './experiment-control.service';
import { ExperimentResultsService } from './experiment-results.service';
import { ExperimentsResolver } from './experiments.resolver';
import { ExposureRecorder } from './exposure-recorder.service';
import { FeaturesController } from './features.controller';
import { FeaturesPayloadService } from './features-payload.service';
import { ParametersService } from './parameters.service';

/**
 * Experiments (DESIGN.md §4, docs/experiments.md): state, the GrowthBook payload and its server-side
 * evaluation, exposures, results. The worker imports it too, for ParametersService and the snapshots.
 */
@Module({
  controllers: [FeaturesController],
  providers: [
    FeaturesPayloadService,
    ExposureRecorder,
    ParametersService,
    ExperimentControlService,
    ExperimentResultsService,
    ExperimentCatalogueService,
    ExperimentsResolver,
  ],
  exports: [ParametersService, ExperimentResultsService, FeaturesPayloadService, ExposureRecorder],
})
export class ExperimentsModule {}
