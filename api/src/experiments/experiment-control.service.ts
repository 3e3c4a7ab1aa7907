import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  activeConfiguration,
  compileFeaturesPayload,
  definitionChange,
  definitionHash,
  EXPERIMENT_DEFINITIONS,
  findExperimentDefinition,
  loadExperimentRecords,
  withRecord,
  type ExperimentDefinition,
  type ExperimentRecord,
  type SqlQuery,
} from '@peerlift/experiments';
import { EXPERIMENT_JOB, QUEUE, type RefreshExperimentSnapshotPayload } from '@peerlift/contracts';
import { InjectDataSource } from '../database/inject-data-source';
import { sqlRows } from '../database/sql';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { BullConnection } from '../queues/bullmq-connection';
import { FeaturesPayloadService } from './features-payload.service';

/** Serialises every start and stop, so two experimenters can never both take one namespace slice. */
const CONTROL_LOCK = 727400;

/**
 * Starting and stopping experiments: one transaction each, then every process reloads its payload.
 *
 * - start, from draft or stopped: a new phase, locking today's code definition (stored with its hash).
 * - start, while running: nothing if the code is unchanged; a new phase if only the weights changed
 *   (exposures and results start afresh, because moving weights moves learners between arms); refused
 *   with EXPERIMENT_LOCKED for any other change — stop it first.
 * - stop, while running: closes the phase; an optional winner is then shipped to everyone targeted.
 * Both refuse (EXPERIMENT_CONFLICT) a state whose payload would not compile, e.g. overlapping namespaces.
 */
@Injectable()
export class ExperimentControlService {
  private readonly logger = new Logger('Experiments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly payload: FeaturesPayloadService,
    private readonly bull: BullConnection,
  ) {}

  async start(key: string): Promise<ExperimentRecord> {
    const definition = requireDefinition(key);
    const { record, closedPhase } = await this.db.transaction(async (m) => {
      const { records, current } = await lockAndLoad(m, key);
      if (current?.state.status === 'running' && current.locked) {
        const change = definitionChange(current.locked.definition, definition);
        if (change === 'none') return { record: current, closedPhase: null };
        if (change === 'other') {
          throw new PeerliftError(
            ErrorCode.EXPERIMENT_LOCKED,
            `${key} is running and its definition is locked: only a change of weights can start a new phase. Stop it first.`,
          );
        }
      }
      const phase = (current?.state.phase ?? 0) + 1;
      const next: ExperimentRecord = {
        state: { key, status: 'running', phase, startedAt: new Date().toISOString() },
        locked: { definition, hash: definitionHash(definition) },
        updatedAt: new Date().toISOString(),
      };
      assertCompiles(withRecord(records, next));
      const wasRunning = current?.state.status === 'running';
      await closePhase(m, key);
      await sqlRows(
        m,
        `INSERT INTO experiment_phases (experiment_key, phase, definition, definition_hash, started_at)
         VALUES ($1, $2, $3, $4, now())`,
        [key, phase, JSON.stringify(definition), next.locked!.hash],
      );
      await sqlRows(
        m,
        `UPDATE experiments SET status = 'running', phase = $2, started_at = now(), stopped_at = NULL,
           winner = NULL, updated_at = now() WHERE key = $1`,
        [key, phase],
      );
      return { record: next, closedPhase: wasRunning ? phase - 1 : null };
    });
    await this.afterChange(key, closedPhase);
    return this.current(key) ?? record;
  }

  async stop(key: string, winnerArg?: string | null): Promise<ExperimentRecord> {
    // GraphQL clients may send `winner: null` for "no winner"; treat it like an omitted argument.
    const winner = winnerArg ?? undefined;
    requireDefinition(key);
    const { phase, next } = await this.db.transaction(async (m) => {
      const { records, current } = await lockAndLoad(m, key);
      if (current?.state.status !== 'running' || !current.locked) {
        throw new PeerliftError(ErrorCode.EXPERIMENT_NOT_RUNNING, `${key} is not running.`);
      }
      const variations = current.locked.definition.variations.map((variation) => variation.key);
      if (winner !== undefined && !variations.includes(winner)) {
        throw new PeerliftError(
          ErrorCode.BAD_USER_INPUT,
          `The winner must be one of ${variations.join(', ')}.`,
          {
            fields: { winner: ['unknown variation'] },
          },
        );
      }
      const stopped = new Date().toISOString();
      const next: ExperimentRecord = {
        ...current,
        state: { ...current.state, status: 'stopped', stoppedAt: stopped, ...(winner ? { winner } : {}) },
      };
      assertCompiles(withRecord(records, next));
      await closePhase(m, key);
      await sqlRows(
        m,
        `UPDATE experiments SET status = 'stopped', stopped_at = now(), winner = $2, updated_at = now() WHERE key = $1`,
        [key, winner ?? null],
      );
      return { phase: current.state.phase, next };
    });
    await this.afterChange(key, phase);
    return this.current(key) ?? next;
  }

  private current(key: string): ExperimentRecord | undefined {
    return this.payload.experimentRecords().find((record) => record.state.key === key);
  }

  /** Reload here at once, tell the other processes, and have the worker snapshot a phase that ended. */
  private async afterChange(key: string, endedPhase: number | null): Promise<void> {
    await this.payload.reload();
    await this.payload
      .announceChange()
      .catch((error: Error) => this.logger.warn(`announce failed: ${error.message}`));
    if (endedPhase === null) return;
    const data: RefreshExperimentSnapshotPayload = { experimentKey: key, phase: endedPhase };
    // The final snapshot of a phase; the scheduled sweep also picks up any phase whose snapshot is stale.
    await this.bull
      .queue(QUEUE.experiments)
      .add(EXPERIMENT_JOB.refreshSnapshot, data, {
        jobId: `final-${key}-${endedPhase}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 100,
        removeOnFail: 500,
      })
      .catch((error: Error) => this.logger.warn(`snapshot job not queued: ${error.message}`));
  }
}

function requireDefinition(key: string): ExperimentDefinition {
  const definition = findExperimentDefinition(EXPERIMENT_DEFINITIONS, key);
  if (!definition)
    throw new PeerliftError(ErrorCode.NOT_FOUND, `There is no experiment "${key.slice(0, 64)}".`);
  return definition;
}

async function lockAndLoad(m: EntityManager, key: string) {
  await sqlRows(m, `SELECT pg_advisory_xact_lock($1)`, [CONTROL_LOCK]);
  await sqlRows(
    m,
    `INSERT INTO experiments (key, status) VALUES ($1, 'draft') ON CONFLICT (key) DO NOTHING`,
    [key],
  );
  const query: SqlQuery = <T>(sql: string, params: readonly unknown[] = []) =>
    sqlRows<T>(m, sql, [...params]);
  const records = await loadExperimentRecords(query);
  return { records, current: records.find((record) => record.state.key === key) };
}

async function closePhase(m: EntityManager, key: string): Promise<void> {
  await sqlRows(
    m,
    `UPDATE experiment_phases p SET stopped_at = now() FROM experiments e
     WHERE e.key = $1 AND p.experiment_key = e.key AND p.phase = e.phase AND p.stopped_at IS NULL`,
    [key],
  );
}

function assertCompiles(records: readonly ExperimentRecord[]): void {
  const active = activeConfiguration(records);
  try {
    compileFeaturesPayload(active.definitions, active.states);
  } catch (error) {
    throw new PeerliftError(
      ErrorCode.EXPERIMENT_CONFLICT,
      (error as Error).message.split('\n').slice(0, 4).join(' '),
    );
  }
}
