import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EXPERIMENT_DEFINITIONS,
  findExperimentDefinition,
  loadExperimentResults,
  type ExperimentResults,
  type SqlQuery,
} from '@peerlift/experiments';
import { InjectDataSource } from '../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';

/**
 * Result snapshots: the worker computes them (`refreshSnapshot`, `refreshDueSnapshots`) with the shared
 * metric SQL and statistics, and `experimentResults` serves the latest one. A phase that has no snapshot
 * yet is computed on the spot (and stored), so an experimenter never sees an empty page.
 */
@Injectable()
export class ExperimentResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The current phase's latest results; null for an experiment that never started. */
  async resultsFor(key: string): Promise<ExperimentResults | null> {
    const known = findExperimentDefinition(EXPERIMENT_DEFINITIONS, key);
    const [state] = await this.db.query<{ phase: number }[]>(`SELECT phase FROM experiments WHERE key = $1`, [
      key,
    ]);
    if (!known && !state)
      throw new PeerliftError(ErrorCode.NOT_FOUND, `There is no experiment "${key.slice(0, 64)}".`);
    if (!state || state.phase === 0) return null;
    const [snapshot] = await this.db.query<{ results: ExperimentResults }[]>(
      `SELECT results FROM experiment_result_snapshots WHERE experiment_key = $1 AND phase = $2`,
      [key, state.phase],
    );
    return snapshot?.results ?? this.refreshSnapshot(key, state.phase);
  }

  /**
   * Computes and stores the snapshot of one phase. Idempotent: a concurrent or retried run stores the
   * newest computation and never overwrites it with an older one.
   */
  async refreshSnapshot(key: string, phase: number): Promise<ExperimentResults | null> {
    const results = await loadExperimentResults(this.query, { key, phase });
    if (!results) return null;
    await this.db.query(
      `INSERT INTO experiment_result_snapshots (experiment_key, phase, computed_at, results)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (experiment_key, phase) DO UPDATE SET computed_at = EXCLUDED.computed_at, results = EXCLUDED.results
       WHERE experiment_result_snapshots.computed_at < EXCLUDED.computed_at`,
      [key, phase, results.computedAt, JSON.stringify(results)],
    );
    return results;
  }

  /** Refreshes every running phase and every ended phase whose snapshot is missing or predates its end. */
  async refreshDueSnapshots(): Promise<{ refreshed: number }> {
    const due = await this.db.query<{ experiment_key: string; phase: number }[]>(
      `SELECT p.experiment_key, p.phase FROM experiment_phases p
       LEFT JOIN experiment_result_snapshots s ON s.experiment_key = p.experiment_key AND s.phase = p.phase
       WHERE p.stopped_at IS NULL OR s.computed_at IS NULL OR s.computed_at < p.stopped_at
       ORDER BY p.experiment_key, p.phase`,
    );
    for (const row of due) await this.refreshSnapshot(row.experiment_key, row.phase);
    return { refreshed: due.length };
  }

  private readonly query: SqlQuery = <T>(sql: string, params: readonly unknown[] = []) =>
    this.db.query<T[]>(sql, [...params]);
}
