import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EXPERIMENT_DEFINITIONS,
  findExperimentDefinition,
  loadExperimentRecords,
  type ExperimentRecord,
  type SqlQuery,
} from '@peerlift/experiments';
import { InjectDataSource } from '../database/inject-data-source';
import { experimentView } from './experiment-views';
import type { ExperimentModel } from './models/experiment.model';

/** The experiments list: every definition in code, plus any state whose definition has since been removed. */
@Injectable()
export class ExperimentCatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<ExperimentModel[]> {
    const query: SqlQuery = <T>(sql: string, params: readonly unknown[] = []) =>
      this.db.query<T[]>(sql, [...params]);
    const records = await loadExperimentRecords(query);
    const byKey = new Map(records.map((record) => [record.state.key, record]));
    const inCode = EXPERIMENT_DEFINITIONS.map((definition) =>
      experimentView(definition, byKey.get(definition.key)),
    );
    const retired = records
      .filter(
        (record) => record.locked && !findExperimentDefinition(EXPERIMENT_DEFINITIONS, record.state.key),
      )
      .map((record) => experimentView(undefined, record));
    return [...inCode, ...retired];
  }

  view(key: string, record: ExperimentRecord): ExperimentModel {
    return experimentView(findExperimentDefinition(EXPERIMENT_DEFINITIONS, key), record);
  }
}
