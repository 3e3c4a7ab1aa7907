import type { ExperimentDefinition, HashUnit } from '../experiment-definition';
import { METRICS, type MetricDirection, type MetricKey, type MetricType } from '../metric-catalogue';
import { analyzeExperiment, type VariationAnalysis } from '../statistics/analyze-experiment';
import { hasSampleRatioMismatch, srmPValue } from '../statistics/sample-ratio-mismatch';
import type { VariationSummary } from '../statistics/variation-summary';
import { decide, type Decision } from './decision-hint';

/**
 * The results of one experiment phase, assembled from per-variation sums that SQL computed
 * (`metricSummariesSql`, `exposureCountsSql`). Pure: same inputs, same results.
 *
 * - SRM is checked once, on the exposed units per variation against the phase's weights.
 * - Each metric is analysed with `analyzeExperiment` (Welch / delta method, Bayesian chance to win,
 *   Holm across the treatment arms). A classroom-randomised experiment analyses classroom means, so
 *   every metric becomes a `mean` metric there.
 * - A guardrail is `violated` when some arm is significantly worse on it, `ok` otherwise, and
 *   `unavailable` when its source tables are missing or nobody has a value yet.
 */

export type MetricRole = 'primary' | 'guardrail';
export type GuardrailStatus = 'ok' | 'violated' | 'unavailable';

export interface MetricSummaryRow extends VariationSummary {
  readonly key: string;
}

export interface MetricInput {
  readonly metric: MetricKey;
  /** False when a source table does not exist in this database. */
  readonly available: boolean;
  readonly summaries: readonly MetricSummaryRow[];
}

export interface ExperimentResultsInput {
  /** The definition the phase ran with (the locked copy, not today's code). */
  readonly definition: ExperimentDefinition;
  readonly phase: number;
  /** ISO-8601 instant the sums were read. */
  readonly computedAt: string;
  /** Exposed units per variation key. */
  readonly exposures: Readonly<Record<string, number>>;
  readonly metrics: readonly MetricInput[];
  readonly alpha?: number;
}

export interface ExposureRow {
  readonly key: string;
  readonly name: string;
  readonly units: number;
  readonly expectedShare: number;
  readonly observedShare: number;
}

export interface MetricResult {
  readonly metric: MetricKey;
  readonly role: MetricRole;
  readonly type: MetricType;
  readonly direction: MetricDirection;
  readonly available: boolean;
  /** Null for the primary metric. */
  readonly guardrailStatus: GuardrailStatus | null;
  /** One row per variation, control first; empty when unavailable. */
  readonly variations: readonly VariationAnalysis[];
}

export interface ExperimentResults {
  readonly experimentKey: string;
  readonly phase: number;
  readonly computedAt: string;
  readonly unit: HashUnit;
  readonly exposures: readonly ExposureRow[];
  readonly srmPValue: number;
  readonly sampleRatioMismatch: boolean;
  readonly metrics: readonly MetricResult[];
  readonly decision: Decision;
  readonly decisionReason: string;
}

export function buildExperimentResults(input: ExperimentResultsInput): ExperimentResults {
  const { definition } = input;
  const counts = definition.variations.map((variation) => input.exposures[variation.key] ?? 0);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const srm = total === 0 ? 1 : srmPValue(counts, definition.weights);
  const exposures = definition.variations.map((variation, i) => ({
    key: variation.key,
    name: variation.name,
    units: counts[i],
    expectedShare: definition.weights[i],
    observedShare: total === 0 ? 0 : counts[i] / total,
  }));
  const mismatch = total > 0 && hasSampleRatioMismatch(srm);
  const metrics = metricOrder(definition).map(({ metric, role }) =>
    metricResult(
      { ...input, sampleRatioMismatch: mismatch },
      input.metrics.find((candidate) => candidate.metric === metric),
      role,
      metric,
    ),
  );
  const { decision, reason } = decide({
    definition,
    totalUnits: total,
    sampleRatioMismatch: mismatch,
    metrics,
  });
  return {
    experimentKey: definition.key,
    phase: input.phase,
    computedAt: input.computedAt,
    unit: definition.hashUnit,
    exposures,
    srmPValue: srm,
    sampleRatioMismatch: mismatch,
    metrics,
    decision,
    decisionReason: reason,
  };
}

/** The primary metric first, then the guardrails in their declared order. */
export function metricOrder(definition: ExperimentDefinition): { metric: MetricKey; role: MetricRole }[] {
  return [
    { metric: definition.primaryMetric, role: 'primary' },
    ...definition.guardrailMetrics.map((metric) => ({ metric, role: 'guardrail' as const })),
  ];
}

function metricResult(
  input: ExperimentResultsInput & { sampleRatioMismatch: boolean },
  data: MetricInput | undefined,
  role: MetricRole,
  metric: MetricKey,
): MetricResult {
  const spec = METRICS[metric];
  const type: MetricType = input.definition.hashUnit === 'classroom' ? 'mean' : spec.type;
  const base = { metric, role, type, direction: spec.direction };
  const summaries = input.definition.variations.map((variation) => {
    const row = data?.summaries.find((candidate) => candidate.key === variation.key);
    return { key: variation.key, n: row?.n ?? 0, sum: row?.sum ?? 0, sumSquares: row?.sumSquares ?? 0 };
  });
  if (!data?.available || summaries.every((summary) => summary.n === 0)) {
    return {
      ...base,
      available: data?.available ?? false,
      guardrailStatus: guardrail(role, 'unavailable'),
      variations: [],
    };
  }
  const analysis = analyzeExperiment({
    metricType: type,
    direction: spec.direction,
    weights: input.definition.weights,
    variations: summaries,
    alpha: input.alpha,
    // SRM is judged once, on exposures; per-metric n legitimately differ (accuracy needs an answer).
    sampleRatioMismatch: input.sampleRatioMismatch,
  });
  const variations = analysis.variations;
  const worse = variations.some((row) => row.verdict === 'worse');
  return {
    ...base,
    available: true,
    guardrailStatus: guardrail(role, worse ? 'violated' : 'ok'),
    variations,
  };
}

function guardrail(role: MetricRole, status: GuardrailStatus): GuardrailStatus | null {
  return role === 'guardrail' ? status : null;
}
