// One experiment's page: its definition and state, the latest results, and start / stop.
import {
  EXPERIMENTS,
  EXPERIMENT_RESULTS,
  START_EXPERIMENT,
  STOP_EXPERIMENT,
  type ExperimentResultsQuery,
  type ExperimentsQuery,
} from '../graphql/generated';
import { errorMessage } from '../graphql/client';
import { RemoteData } from '../remote-data.svelte';
import { session } from '../session.svelte';

export type Experiment = ExperimentsQuery['experiments'][number];
export type Results = NonNullable<ExperimentResultsQuery['experimentResults']>;

export class ExperimentView {
  experiment: RemoteData<Experiment | null>;
  results: RemoteData<Results | null>;
  busy = $state(false);
  problem = $state<string | null>(null);
  winner = $state('');

  constructor(readonly key: string) {
    this.experiment = new RemoteData(async () => (await session.request(EXPERIMENTS, {})).experiments.find((e) => e.key === key) ?? null);
    this.results = new RemoteData(async () => (await session.request(EXPERIMENT_RESULTS, { key })).experimentResults);
  }

  load(): void {
    void this.experiment.load();
    void this.results.load();
  }

  async start(): Promise<void> {
    await this.run(async () => this.experiment.set((await session.request(START_EXPERIMENT, { key: this.key })).startExperiment));
  }

  async stop(): Promise<void> {
    // "No winner" is sent by leaving `winner` out: the api reads an explicit null as a variation name.
    const variables = this.winner ? { key: this.key, winner: this.winner } : { key: this.key };
    await this.run(async () => this.experiment.set((await session.request(STOP_EXPERIMENT, variables)).stopExperiment));
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = null;
    try {
      await action();
      await this.results.load({ quiet: true });
    } catch (error) {
      this.problem = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}
