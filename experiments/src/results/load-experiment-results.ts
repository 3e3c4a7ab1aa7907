import type { ExperimentDefinition } from '../experiment-definition';
import type { MetricKey } from '../metric-catalogue';
import { iso, type SqlQuery } from '../store/experiment-records';
import {
  buildExperimentResults,
  metricOrder,
  type ExperimentResults,
  type MetricInput,
} from './experiment-results';
import { exposureCountsSql, METRIC_SQL, metricSummariesSql } from './metric-sql';

/**
 * Reads one experiment phase's exposures and metric sums from Postgres (through the caller's query
 * function) and turns them into results. Shared by the api, the worker's snapshot job and the report
 * command, so all three compute the same numbers from the same SQL.
 */

export interface PhaseRow {
  readonly definition: ExperimentDefinition;
  readonly phase: number;
}

/** The locked definition of `phase`, or of the experiment's current phase when `phase` is omitted. */
export async function loadPhase(query: SqlQuery, key: string, phase?: number): Promise<PhaseRow | null> {
  const rows = await query<{ definition: ExperimentDefinition; phase: number }>(
    `SELECT p.definition, p.phase FROM experiment_phases p
     JOIN experiments e ON e.key = p.experiment_key
     WHERE p.experiment_key = $1 AND p.phase = coalesce($2::int, e.phase)`,
    [key, phase ?? null],
  );
  return rows[0] ? { definition: rows[0].definition, phase: Number(rows[0].phase) } : null;
}

/** Source tables that exist in this database, out of `tables`. */
export async function existingTables(query: SqlQuery, tables: readonly string[]): Promise<Set<string>> {
  const rows = await query<{ name: string }>(
    `SELECT t.name FROM unnest($1::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL`,
    [tables],
  );
  return new Set(rows.map((row) => row.name));
}

/** Results of `phase` as of `asOf`; null when the experiment never started (no such phase). */
export async function loadExperimentResults(
  query: SqlQuery,
  options: { key: string; phase?: number; asOf?: Date; alpha?: number },
): Promise<ExperimentResults | null> {
  const found = await loadPhase(query, options.key, options.phase);
  if (!found) return null;
  const asOf = options.asOf ?? new Date();
  const { definition, phase } = found;
  const counts = await query<{ variation_key: string; units: number }>(
    exposureCountsSql(definition.hashUnit),
    [definition.key, phase],
  );
  const wanted = metricOrder(definition).map((entry) => entry.metric);
  const tables = await existingTables(
    query,
    wanted.flatMap((metric) => METRIC_SQL[metric].sourceTables),
  );
  const metrics: MetricInput[] = [];
  for (const metric of wanted) {
    metrics.push(await metricInput(query, { definition, phase, metric, asOf, tables }));
  }
  return buildExperimentResults({
    definition,
    phase,
    computedAt: iso(asOf),
    exposures: Object.fromEntries(counts.map((row) => [row.variation_key, Number(row.units)])),
    metrics,
    alpha: options.alpha,
  });
}

async function metricInput(
  query: SqlQuery,
  args: {
    definition: ExperimentDefinition;
    phase: number;
    metric: MetricKey;
    asOf: Date;
    tables: Set<string>;
  },
): Promise<MetricInput> {
  const { definition, phase, metric, asOf, tables } = args;
  const available = METRIC_SQL[metric].sourceTables.every((table) => tables.has(table));
  if (!available) return { metric, available, summaries: [] };
  const rows = await query<{ variation_key: string; n: number; sum: number; sum_squares: number }>(
    metricSummariesSql(metric, definition.hashUnit),
    [definition.key, phase, asOf.toISOString()],
  );
  return {
    metric,
    available,
    summaries: rows.map((row) => ({
      key: row.variation_key,
      n: Number(row.n),
      sum: Number(row.sum),
      sumSquares: Number(row.sum_squares),
    })),
  };
}
