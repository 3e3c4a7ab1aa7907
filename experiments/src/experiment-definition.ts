import type { ConditionInterface } from '@growthbook/growthbook';
import type { MetricKey } from './metric-catalogue';
import type { ParameterKey, ParameterValue } from './parameter-catalogue';

/**
 * What one experiment is, as code reviewed like any other change. State that changes at run time
 * (draft / running / stopped, phase, winner) lives in Postgres, not here: see `ExperimentState`.
 */

/** The unit randomised: each learner alone, or whole classrooms (everyone in a class sees one arm). */
export type HashUnit = 'user' | 'classroom';

/** GrowthBook attribute hashed for each unit; the api must set these attributes on every evaluation. */
export const HASH_ATTRIBUTE = { user: 'id', classroom: 'classroomId' } as const satisfies Record<
  HashUnit,
  string
>;
export type HashAttribute = (typeof HASH_ATTRIBUTE)[HashUnit];

export interface ExperimentVariation<V extends string | number = string | number> {
  /** Stable key stored with exposures and shown in results (`meta[].key` in the payload). */
  readonly key: string;
  readonly name: string;
  readonly value: V;
}

export interface ExperimentDefinition<P extends ParameterKey = ParameterKey> {
  /** Lower-case kebab-case; also the GrowthBook experiment key and (by default) the hashing seed. */
  readonly key: string;
  readonly name: string;
  readonly hypothesis: string;
  /** Who answers questions about it and decides when it stops. */
  readonly owner: string;
  readonly parameter: P;
  /** First variation = control; its value must be the parameter's default (what learners get today). */
  readonly variations: readonly ExperimentVariation<ParameterValue<P>>[];
  /** Traffic share per variation, same order; each > 0, summing to 1 within 1e-9. */
  readonly weights: readonly number[];
  /** Optional targeting, in GrowthBook's MongoDB-like condition language, over user attributes. */
  readonly condition?: ConditionInterface;
  readonly hashUnit: HashUnit;
  readonly primaryMetric: MetricKey;
  readonly guardrailMetrics: readonly MetricKey[];
  /** Smallest relative lift on the primary metric worth detecting (0.03 = +3 %), for power planning. */
  readonly minimumDetectableEffect: number;
  /**
   * Half-open slice [start, end) of the namespace of this parameter. Experiments on one parameter
   * must have disjoint slices, so nobody is in two of them at once.
   */
  readonly namespaceRange: readonly [number, number];
  /** Hashing seed; defaults to `key`. Changing it re-randomises everyone, so it is explicit. */
  readonly seed?: string;
}

/**
 * Identity function that makes TypeScript check each variation value against the parameter's type
 * (text for `copy.*`, numbers for the rest). Ranges are checked at run time by the registry.
 */
export function defineExperiment<P extends ParameterKey>(
  definition: ExperimentDefinition<P>,
): ExperimentDefinition<P> {
  return definition;
}

export type ExperimentStatus = 'draft' | 'running' | 'stopped';

/** Run-time state of one experiment, as the api keeps it in Postgres. */
export interface ExperimentState {
  readonly key: string;
  readonly status: ExperimentStatus;
  /** Increments on each (re)start; exposures are de-duplicated per phase. */
  readonly phase: number;
  /** ISO-8601 instants. */
  readonly startedAt?: string;
  readonly stoppedAt?: string;
  /** Variation key to ship after stopping; only meaningful when `status` is `stopped`. */
  readonly winner?: string;
}

/** The seed that places a unit within an experiment: explicit `seed`, else the experiment key. */
export function experimentSeed(definition: ExperimentDefinition): string {
  return definition.seed ?? definition.key;
}

/** The seed of the namespace shared by every experiment on one parameter. */
export function namespaceSeed(parameter: ParameterKey): string {
  return `ns-${parameter}`;
}
