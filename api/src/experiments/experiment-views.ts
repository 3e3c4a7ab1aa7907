import {
  codeDiffersFromLocked,
  type ExperimentDefinition,
  type ExperimentRecord,
  type ExperimentResults,
} from '@peerlift/experiments';
import { ExperimentStatusEnum, type ExperimentModel } from './models/experiment.model';
import {
  type ExperimentDecisionEnum,
  type ExperimentResultsModel,
  GuardrailStatusEnum,
} from './models/experiment-results.model';

/**
 * GraphQL views of experiments and their results. Running and stopped experiments show the definition
 * their phase locked (what learners actually got); drafts show today's code.
 */
export function experimentView(
  code: ExperimentDefinition | undefined,
  record: ExperimentRecord | undefined,
): ExperimentModel {
  const shown = record?.locked?.definition ?? code;
  if (!shown) throw new Error('an experiment needs a definition or a locked phase');
  const state = record?.state;
  return {
    key: shown.key,
    name: shown.name,
    hypothesis: shown.hypothesis,
    owner: shown.owner,
    parameter: shown.parameter,
    status: (state?.status.toUpperCase() ?? 'DRAFT') as ExperimentStatusEnum,
    phase: state?.phase ?? 0,
    startedAt: state?.startedAt ? new Date(state.startedAt) : null,
    stoppedAt: state?.stoppedAt ? new Date(state.stoppedAt) : null,
    winner: state?.winner ?? null,
    hashUnit: shown.hashUnit,
    primaryMetric: shown.primaryMetric,
    guardrailMetrics: [...shown.guardrailMetrics],
    minimumDetectableEffect: shown.minimumDetectableEffect,
    variations: shown.variations.map((variation, i) => ({
      key: variation.key,
      name: variation.name,
      value: String(variation.value),
      weight: shown.weights[i],
    })),
    definitionChanged:
      record !== undefined && state?.status !== 'draft' && codeDiffersFromLocked(record, code),
  };
}

export function resultsView(results: ExperimentResults): ExperimentResultsModel {
  return {
    experimentKey: results.experimentKey,
    phase: results.phase,
    computedAt: new Date(results.computedAt),
    unit: results.unit,
    exposures: results.exposures.map((row) => ({
      variation: row.key,
      units: row.units,
      expectedShare: row.expectedShare,
      observedShare: row.observedShare,
    })),
    srmPValue: results.srmPValue,
    sampleRatioMismatch: results.sampleRatioMismatch,
    decision: results.decision as ExperimentDecisionEnum,
    decisionReason: results.decisionReason,
    metrics: results.metrics.map((metric) => ({
      metric: metric.metric,
      role: metric.role,
      type: metric.type,
      direction: metric.direction,
      available: metric.available,
      guardrailStatus: metric.guardrailStatus
        ? GuardrailStatusEnum[metric.guardrailStatus.toUpperCase() as keyof typeof GuardrailStatusEnum]
        : null,
      variations: metric.variations.map((row) => ({
        variation: row.key,
        users: row.n,
        mean: row.mean,
        relativeLift: row.relativeLift,
        ciLow: row.ciLow,
        ciHigh: row.ciHigh,
        pValue: row.pValue,
        adjustedPValue: row.adjustedPValue,
        chanceToWin: row.chanceToWin,
        verdict: row.verdict,
      })),
    })),
  };
}
