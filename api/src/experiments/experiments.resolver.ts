import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ParameterKey } from '@peerlift/experiments';
import { CurrentUser, Roles } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { ExperimentCatalogueService } from './experiment-catalogue.service';
import { ExperimentControlService } from './experiment-control.service';
import { ExperimentResultsService } from './experiment-results.service';
import { resultsView } from './experiment-views';
import { ExperimentKeyArgs, RecordExposureArgs, StopExperimentArgs } from './dto/experiment.args';
import { ExperimentModel } from './models/experiment.model';
import { ExperimentResultsModel } from './models/experiment-results.model';
import { ParametersService } from './parameters.service';

@Resolver(() => ExperimentModel)
export class ExperimentsResolver {
  constructor(
    private readonly catalogue: ExperimentCatalogueService,
    private readonly control: ExperimentControlService,
    private readonly results: ExperimentResultsService,
    private readonly parameters: ParametersService,
  ) {}

  @Roles('EXPERIMENTER')
  @Query(() => [ExperimentModel], { description: 'Every experiment defined in code, with its state.' })
  experiments(): Promise<ExperimentModel[]> {
    return this.catalogue.list();
  }

  @Roles('EXPERIMENTER')
  @Query(() => ExperimentResultsModel, {
    nullable: true,
    description: 'Latest results of the current phase (refreshed by the worker); null if never started.',
  })
  async experimentResults(@Args() { key }: ExperimentKeyArgs): Promise<ExperimentResultsModel | null> {
    const results = await this.results.resultsFor(key);
    return results && resultsView(results);
  }

  @Roles('EXPERIMENTER')
  @Mutation(() => ExperimentModel, {
    description:
      'Starts a new phase (from draft or stopped, or running with changed weights); idempotent otherwise.',
  })
  async startExperiment(@Args() { key }: ExperimentKeyArgs): Promise<ExperimentModel> {
    return this.catalogue.view(key, await this.control.start(key));
  }

  @Roles('EXPERIMENTER')
  @Mutation(() => ExperimentModel, {
    description: 'Stops a running experiment, optionally shipping a winner.',
  })
  async stopExperiment(@Args() { key, winner }: StopExperimentArgs): Promise<ExperimentModel> {
    return this.catalogue.view(key, await this.control.stop(key, winner));
  }

  @Mutation(() => Boolean, {
    description:
      'Reports that the client showed this parameter (wording the web app evaluates itself). The server ' +
      'evaluates the variation and logs the exposure; true when the learner is in a running experiment on it.',
  })
  recordExposure(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { parameter }: RecordExposureArgs,
  ): Promise<boolean> {
    return this.parameters.recordExposure(user.id, parameter as ParameterKey);
  }
}
