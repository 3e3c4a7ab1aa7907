import { definitionHash } from '../definition-hash';
import type { ExperimentDefinition, ExperimentState } from '../experiment-definition';
import type { ExperimentRecord } from './experiment-records';

/**
 * What the GrowthBook payload is compiled from: the experiments that emit rules (running ones, and
 * stopped ones with a winner), each with the definition locked when its phase started — never today's
 * code, so a deploy cannot silently change a running experiment. Drafts and plain stops emit nothing
 * and so do not take part (their code may be edited freely).
 */
export interface ActiveConfiguration {
  readonly definitions: readonly ExperimentDefinition[];
  readonly states: readonly ExperimentState[];
}

export function activeConfiguration(records: readonly ExperimentRecord[]): ActiveConfiguration {
  const active = records.filter(
    (record) =>
      record.locked !== undefined &&
      (record.state.status === 'running' ||
        (record.state.status === 'stopped' && record.state.winner !== undefined)),
  );
  return {
    definitions: active.map((record) => record.locked!.definition),
    states: active.map((record) => record.state),
  };
}

/**
 * The configuration as it would be with `record` replacing the experiment's current one: what a
 * start or stop must still be able to compile before it commits.
 */
export function withRecord(
  records: readonly ExperimentRecord[],
  record: ExperimentRecord,
): ExperimentRecord[] {
  return [...records.filter((other) => other.state.key !== record.state.key), record];
}

/** True when the code definition no longer matches what its running phase locked. */
export function codeDiffersFromLocked(
  record: ExperimentRecord,
  code: ExperimentDefinition | undefined,
): boolean {
  return record.locked !== undefined && code !== undefined && definitionHash(code) !== record.locked.hash;
}
