import { experimentSeed, HASH_ATTRIBUTE, type ExperimentDefinition } from './experiment-definition';
import { isMetricKey } from './metric-catalogue';
import { isParameterKey, PARAMETERS, parameterValueProblem, type ParameterKey } from './parameter-catalogue';

/**
 * Checks experiment definitions before any of them reaches GrowthBook, which validates nothing:
 * weights off by more than 0.01 silently become equal weights, an unknown parameter is just another
 * feature, and overlapping namespaces put a learner in two experiments on one parameter.
 *
 * Every check is a run-time check, so definitions that bypass the types (JSON, casts) are caught too.
 */

export interface DefinitionIssue {
  readonly experimentKey: string;
  readonly message: string;
}

/** Allowed distance of the weight sum from 1. GrowthBook only notices beyond 0.01, and then misbehaves. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every problem in `definitions`, one issue per broken rule; empty when all are valid. */
export function validateExperimentDefinitions(
  definitions: readonly ExperimentDefinition[],
): DefinitionIssue[] {
  const perDefinition = definitions.flatMap((definition) =>
    definitionProblems(definition).map((message) => ({ experimentKey: String(definition.key), message })),
  );
  return [...perDefinition, ...duplicateProblems(definitions), ...namespaceProblems(definitions)];
}

/** Throws one error naming every issue, so a bad definition stops the api at start-up. */
export function assertValidExperimentDefinitions(definitions: readonly ExperimentDefinition[]): void {
  const issues = validateExperimentDefinitions(definitions);
  if (issues.length === 0) return;
  const lines = issues.map((issue) => `  ${issue.experimentKey}: ${issue.message}`);
  throw new Error(`Invalid experiment definitions:\n${lines.join('\n')}`);
}

function definitionProblems(definition: ExperimentDefinition): string[] {
  const problems: string[] = [];
  if (typeof definition.key !== 'string' || !KEY_PATTERN.test(definition.key)) {
    problems.push('key must be lower-case kebab-case');
  }
  for (const field of ['name', 'hypothesis', 'owner'] as const) {
    if (typeof definition[field] !== 'string' || definition[field].trim() === '')
      problems.push(`${field} is required`);
  }
  if (definition.seed !== undefined && (typeof definition.seed !== 'string' || definition.seed === '')) {
    problems.push('seed, when given, must be non-empty text');
  }
  if (!Object.prototype.hasOwnProperty.call(HASH_ATTRIBUTE, definition.hashUnit)) {
    problems.push(`hashUnit must be one of ${Object.keys(HASH_ATTRIBUTE).join(', ')}`);
  }
  if (definition.condition !== undefined && !isPlainObject(definition.condition)) {
    problems.push('condition must be a condition object');
  }
  return [
    ...problems,
    ...variationProblems(definition),
    ...weightProblems(definition),
    ...metricProblems(definition),
    ...rangeProblems(definition),
  ];
}

function variationProblems(definition: ExperimentDefinition): string[] {
  if (!isParameterKey(definition.parameter)) return [`unknown parameter ${String(definition.parameter)}`];
  const variations = isList(definition.variations) ? definition.variations : [];
  if (variations.length < 2) return ['needs at least two variations (the first is the control)'];
  const problems: string[] = [];
  const keys = variations.map((variation) => variation.key);
  if (keys.some((key) => typeof key !== 'string' || !KEY_PATTERN.test(key))) {
    problems.push('variation keys must be lower-case kebab-case');
  }
  if (new Set(keys).size !== keys.length) problems.push('variation keys must be unique');
  if (new Set(variations.map((variation) => variation.value)).size !== variations.length) {
    problems.push('variation values must differ');
  }
  for (const variation of variations) {
    const problem = parameterValueProblem(definition.parameter, variation.value);
    if (problem) problems.push(`variation ${String(variation.key)}: ${problem}`);
  }
  if (variations[0].value !== PARAMETERS[definition.parameter].defaultValue) {
    problems.push(
      `the first variation is the control and must carry the default value of ${definition.parameter}`,
    );
  }
  return problems;
}

function weightProblems(definition: ExperimentDefinition): string[] {
  const weights = isList(definition.weights) ? definition.weights : [];
  const variationCount = isList(definition.variations) ? definition.variations.length : 0;
  if (weights.length !== variationCount) return ['needs exactly one weight per variation'];
  if (weights.some((weight) => typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)) {
    return ['weights must be positive numbers'];
  }
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE ? [`weights sum to ${sum}, not 1`] : [];
}

function metricProblems(definition: ExperimentDefinition): string[] {
  const problems: string[] = [];
  if (!isMetricKey(definition.primaryMetric))
    problems.push(`unknown primary metric ${String(definition.primaryMetric)}`);
  const guardrails = isList(definition.guardrailMetrics) ? definition.guardrailMetrics : [];
  for (const metric of guardrails) {
    if (!isMetricKey(metric)) problems.push(`unknown guardrail metric ${String(metric)}`);
  }
  if (new Set(guardrails).size !== guardrails.length) problems.push('guardrail metrics must be unique');
  if (guardrails.includes(definition.primaryMetric))
    problems.push('the primary metric cannot also be a guardrail');
  const mde = definition.minimumDetectableEffect;
  if (typeof mde !== 'number' || !Number.isFinite(mde) || mde <= 0) {
    problems.push('minimumDetectableEffect must be a positive relative lift');
  }
  return problems;
}

function rangeProblems(definition: ExperimentDefinition): string[] {
  const range = definition.namespaceRange;
  const valid =
    isList(range) &&
    range.length === 2 &&
    range.every((bound) => typeof bound === 'number' && Number.isFinite(bound)) &&
    range[0] >= 0 &&
    range[0] < range[1] &&
    range[1] <= 1;
  return valid ? [] : ['namespaceRange must be [start, end) with 0 <= start < end <= 1'];
}

function duplicateProblems(definitions: readonly ExperimentDefinition[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const seenKeys = new Set<string>();
  const seenSeeds = new Map<string, string>();
  for (const definition of definitions) {
    if (seenKeys.has(definition.key))
      issues.push({ experimentKey: definition.key, message: 'duplicate experiment key' });
    seenKeys.add(definition.key);
    // A shared seed gives every unit the same bucket in both experiments, correlating their arms.
    const seed = experimentSeed(definition);
    const owner = seenSeeds.get(seed);
    if (owner !== undefined && owner !== definition.key) {
      issues.push({ experimentKey: definition.key, message: `seed ${seed} is already used by ${owner}` });
    }
    seenSeeds.set(seed, definition.key);
  }
  return issues;
}

/**
 * Experiments on one parameter share the namespace `ns-<parameter>`: their slices must not overlap,
 * and they must hash the same unit, since disjoint slices of two different hashes (learner id and
 * classroom id) would still let one learner fall into both.
 */
function namespaceProblems(definitions: readonly ExperimentDefinition[]): DefinitionIssue[] {
  const byParameter = new Map<ParameterKey, ExperimentDefinition[]>();
  for (const definition of definitions.filter((candidate) => rangeProblems(candidate).length === 0)) {
    byParameter.set(definition.parameter, [...(byParameter.get(definition.parameter) ?? []), definition]);
  }
  const issues: DefinitionIssue[] = [];
  for (const [parameter, group] of byParameter) {
    const sorted = [...group].sort((a, b) => a.namespaceRange[0] - b.namespaceRange[0]);
    sorted.forEach((definition, index) => {
      const previous = sorted[index - 1];
      if (previous === undefined) return;
      if (previous.namespaceRange[1] > definition.namespaceRange[0]) {
        issues.push({
          experimentKey: definition.key,
          message: `namespace of ${parameter} overlaps ${previous.key}`,
        });
      }
      if (previous.hashUnit !== definition.hashUnit) {
        issues.push({
          experimentKey: definition.key,
          message: `hashes a different unit than ${previous.key} on ${parameter}`,
        });
      }
    });
  }
  return issues;
}

/** `Array.isArray` without widening a readonly array to `any[]`; definitions may come from JSON. */
function isList<T>(value: readonly T[] | undefined): value is readonly T[] {
  return Array.isArray(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
