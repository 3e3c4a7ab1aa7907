import type { ExperimentDefinition, ExperimentState, ExperimentStatus } from '../experiment-definition';

/**
 * Reading experiment state from Postgres through a query function the caller provides (TypeORM's
 * `DataSource.query` in the api and worker, a `pg` pool in the report command). This project stays free of
 * database drivers; the SQL lives here so every process reads state the same way.
 *
 * Tables (migration 1763870400000-experiments): `experiments` (one row per experiment ever started:
 * status, current phase, times, winner) and `experiment_phases` (one row per phase with the definition
 * as it was locked at the phase's start, and its hash).
 */

/** Runs one parameterised statement and returns its rows. */
export type SqlQuery = <T>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

export interface ExperimentRecord {
  readonly state: ExperimentState;
  /** The definition the current phase runs (or ran) with; absent for an experiment never started. */
  readonly locked?: { readonly definition: ExperimentDefinition; readonly hash: string };
  /** When anything about this experiment last changed. */
  readonly updatedAt: string;
}

interface RecordRow {
  key: string;
  status: ExperimentStatus;
  phase: number;
  started_at: Date | string | null;
  stopped_at: Date | string | null;
  winner: string | null;
  updated_at: Date | string;
  definition: ExperimentDefinition | null;
  definition_hash: string | null;
}

/** Every experiment that has a state row, with the definition locked for its current phase. */
export async function loadExperimentRecords(query: SqlQuery): Promise<ExperimentRecord[]> {
  const rows = await query<RecordRow>(
    `SELECT e.key, e.status, e.phase, e.started_at, e.stopped_at, e.winner, e.updated_at,
            p.definition, p.definition_hash
     FROM experiments e
     LEFT JOIN experiment_phases p ON p.experiment_key = e.key AND p.phase = e.phase
     ORDER BY e.key`,
  );
  return rows.map(toRecord);
}

export function toRecord(row: RecordRow): ExperimentRecord {
  const state: ExperimentState = {
    key: row.key,
    status: row.status,
    phase: Number(row.phase),
    ...(row.started_at ? { startedAt: iso(row.started_at) } : {}),
    ...(row.stopped_at ? { stoppedAt: iso(row.stopped_at) } : {}),
    ...(row.winner ? { winner: row.winner } : {}),
  };
  return {
    state,
    updatedAt: iso(row.updated_at),
    ...(row.definition && row.definition_hash
      ? { locked: { definition: row.definition, hash: row.definition_hash } }
      : {}),
  };
}

/** ISO-8601 from a driver timestamp (pg gives Date objects for timestamptz). */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
