import { createHash } from 'node:crypto';
import type { ExperimentDefinition } from './experiment-definition';

/**
 * Fingerprints of an experiment definition, stored when a phase starts. A running experiment's
 * definition is locked: the api keeps serving the stored copy, and a deploy that edits the code can
 * only take effect through a new phase (weights) or a stop and restart (anything else).
 *
 * `canonicalJson` sorts object keys recursively and drops `undefined`, so the same definition gives
 * the same bytes whatever order its file lists the fields in.
 */

/** JSON with object keys sorted at every level; `undefined` fields are left out as JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/** `sha256:<hex>` of the canonical JSON of the whole definition. */
export function definitionHash(definition: ExperimentDefinition): string {
  return `sha256:${createHash('sha256').update(canonicalJson(definition)).digest('hex')}`;
}

export type DefinitionChange = 'none' | 'weights-only' | 'other';

/**
 * How `next` differs from `locked`: not at all, only in its weights (allowed on a running experiment,
 * as a new phase), or in anything else (variations, parameter, seed, metrics, targeting …), which
 * needs the experiment stopped first.
 */
export function definitionChange(locked: ExperimentDefinition, next: ExperimentDefinition): DefinitionChange {
  if (definitionHash(locked) === definitionHash(next)) return 'none';
  const withoutWeights = (definition: ExperimentDefinition) => canonicalJson({ ...definition, weights: [] });
  return withoutWeights(locked) === withoutWeights(next) ? 'weights-only' : 'other';
}
