import type { ConditionInterface, FeatureDefinition } from '@growthbook/growthbook';
import {
  experimentSeed,
  HASH_ATTRIBUTE,
  namespaceSeed,
  type ExperimentDefinition,
  type ExperimentState,
  type HashAttribute,
} from '../experiment-definition';
import { PARAMETER_KEYS, PARAMETERS, type ParameterKey } from '../parameter-catalogue';
import { assertValidExperimentDefinitions } from '../validate-experiment-definitions';

/**
 * Compiles experiment definitions (code) and their run-time states (Postgres) into the GrowthBook
 * features payload that the api serves at /api/features/:clientKey and evaluates server-side.
 *
 * One feature per parameter, keyed by the parameter (`points.correctAnswer`), `defaultValue` from
 * PARAMETERS. Its rules, in evaluation order (GrowthBook takes the first rule that applies):
 *
 * 1. one experiment rule per running experiment on the parameter, by namespace start. Explicit
 *    `seed` and `hashVersion: 2` (the SDK default is the biased version 1), `coverage: 1`, and a
 *    namespace filter `{ seed: 'ns-<parameter>', ranges: [[start, end]] }` on the same hash attribute,
 *    so disjoint slices mean disjoint people;
 * 2. one `force` rule per experiment stopped with a winner, newest stop first: the winning value
 *    for everyone matching the experiment's targeting condition, across the whole namespace (that is
 *    what shipping means), but after the running experiments so it never takes their users.
 *    Once the winner becomes the parameter's default in code, delete the winner or the definition.
 *
 * Draft experiments, stopped experiments without a winner and definitions without a state emit
 * nothing: their learners get the default.
 */

export interface NamespaceFilter {
  readonly seed: string;
  readonly ranges: [number, number][];
  readonly hashVersion: 2;
  readonly attribute: HashAttribute;
}

export interface ExperimentRule {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly variations: (string | number)[];
  readonly weights: number[];
  readonly coverage: 1;
  readonly hashAttribute: HashAttribute;
  readonly hashVersion: 2;
  readonly seed: string;
  readonly meta: { key: string; name: string }[];
  readonly phase: string;
  readonly filters: NamespaceFilter[];
  readonly condition?: ConditionInterface;
}

export interface WinnerRule {
  readonly id: string;
  readonly force: string | number;
  readonly condition?: ConditionInterface;
}

export type ParameterFeature = FeatureDefinition<string | number> & {
  readonly defaultValue: string | number;
  readonly rules: (ExperimentRule | WinnerRule)[];
};

export interface FeaturesPayload {
  readonly features: Record<ParameterKey, ParameterFeature>;
}

/**
 * Throws (naming every problem) when a definition is invalid, or a state names an unknown
 * experiment, repeats one, has a phase that is not a non-negative integer, or a winner that is not
 * one of the experiment's variation keys.
 */
export function compileFeaturesPayload(
  definitions: readonly ExperimentDefinition[],
  states: readonly ExperimentState[],
): FeaturesPayload {
  assertValidExperimentDefinitions(definitions);
  assertValidStates(definitions, states);
  const stateByKey = new Map(states.map((state) => [state.key, state]));
  const entries = PARAMETER_KEYS.map((parameter): [ParameterKey, ParameterFeature] => {
    const onParameter = definitions.filter((definition) => definition.parameter === parameter);
    return [parameter, compileFeature(parameter, onParameter, stateByKey)];
  });
  return { features: Object.fromEntries(entries) as Record<ParameterKey, ParameterFeature> };
}

function compileFeature(
  parameter: ParameterKey,
  definitions: readonly ExperimentDefinition[],
  stateByKey: ReadonlyMap<string, ExperimentState>,
): ParameterFeature {
  const running = definitions
    .filter((definition) => stateByKey.get(definition.key)?.status === 'running')
    .sort((a, b) => a.namespaceRange[0] - b.namespaceRange[0])
    .map((definition) => experimentRule(definition, stateByKey.get(definition.key)!));
  const shipped = definitions
    .map((definition) => ({ definition, state: stateByKey.get(definition.key) }))
    .filter(
      (pair): pair is { definition: ExperimentDefinition; state: ExperimentState } =>
        pair.state?.status === 'stopped' && pair.state.winner !== undefined,
    )
    .sort((a, b) => newestStopFirst(a.state, b.state))
    .map(({ definition, state }) => winnerRule(definition, state));
  return { defaultValue: PARAMETERS[parameter].defaultValue, rules: [...running, ...shipped] };
}

function experimentRule(definition: ExperimentDefinition, state: ExperimentState): ExperimentRule {
  const hashAttribute = HASH_ATTRIBUTE[definition.hashUnit];
  const [start, end] = definition.namespaceRange;
  return {
    id: `experiment:${definition.key}`,
    key: definition.key,
    name: definition.name,
    variations: definition.variations.map((variation) => variation.value),
    weights: [...definition.weights],
    coverage: 1,
    hashAttribute,
    hashVersion: 2,
    seed: experimentSeed(definition),
    meta: definition.variations.map((variation) => ({ key: variation.key, name: variation.name })),
    phase: String(state.phase),
    filters: [
      {
        seed: namespaceSeed(definition.parameter),
        ranges: [[start, end]],
        hashVersion: 2,
        attribute: hashAttribute,
      },
    ],
    ...(definition.condition ? { condition: definition.condition } : {}),
  };
}

function winnerRule(definition: ExperimentDefinition, state: ExperimentState): WinnerRule {
  const winner = definition.variations.find((variation) => variation.key === state.winner)!;
  return {
    id: `winner:${definition.key}`,
    force: winner.value,
    ...(definition.condition ? { condition: definition.condition } : {}),
  };
}

/** Most recent `stoppedAt` first (ISO strings sort by time); missing dates last; then by key. */
function newestStopFirst(a: ExperimentState, b: ExperimentState): number {
  const byTime = (b.stoppedAt ?? '').localeCompare(a.stoppedAt ?? '');
  return byTime !== 0 ? byTime : a.key.localeCompare(b.key);
}

function assertValidStates(
  definitions: readonly ExperimentDefinition[],
  states: readonly ExperimentState[],
): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const state of states) {
    const definition = definitions.find((candidate) => candidate.key === state.key);
    if (seen.has(state.key)) problems.push(`${state.key}: more than one state`);
    seen.add(state.key);
    if (!definition) problems.push(`${state.key}: no experiment definition with this key`);
    if (!['draft', 'running', 'stopped'].includes(state.status))
      problems.push(`${state.key}: unknown status`);
    if (!Number.isSafeInteger(state.phase) || state.phase < 0)
      problems.push(`${state.key}: phase must be an integer >= 0`);
    if (
      state.winner !== undefined &&
      !definition?.variations.some((variation) => variation.key === state.winner)
    ) {
      problems.push(`${state.key}: winner ${state.winner} is not one of its variations`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid experiment states:\n  ${problems.join('\n  ')}`);
}
