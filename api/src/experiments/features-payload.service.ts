import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { GrowthBookClient } from '@growthbook/growthbook';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import {
  activeConfiguration,
  compileFeaturesPayload,
  loadExperimentRecords,
  type ExperimentDefinition,
  type ExperimentRecord,
  type FeaturesPayload,
  type SqlQuery,
} from '@peerlift/experiments';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '../database/inject-data-source';
import { RedisService } from '../redis/redis.module';

/** The body of GET /api/features/:clientKey, shaped like GrowthBook's own SDK endpoint. */
export interface ServedPayload extends FeaturesPayload {
  readonly status: 200;
  readonly dateUpdated: string;
}

/**
 * The GrowthBook features payload of this process and its one `GrowthBookClient` (FIELD-NOTES: one per
 * process, a scoped instance per evaluation). The payload is compiled from the experiment states in
 * Postgres and the definitions they locked (`activeConfiguration`), and hot-swapped with `setPayload`:
 *
 * - right after this process starts or stops an experiment;
 * - when another process announces a change on the Redis channel `<prefix>:experiments:changed`;
 * - every EXPERIMENTS_RELOAD_SECONDS regardless, because pub/sub is at most once.
 *
 * Reloads run one at a time, in order, so an older read never overwrites a newer one.
 */
@Injectable()
export class FeaturesPayloadService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Experiments');
  readonly client = new GrowthBookClient();
  private payload!: ServedPayload;
  private records: readonly ExperimentRecord[] = [];
  private classroomAttributeNeeded = false;
  private reloading: Promise<void> = Promise.resolve();
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // A payload that cannot be compiled at start-up stops the process, like an invalid definition.
    const payload = await this.compile();
    this.client.initSync({ payload });
    this.payload = payload;
    this.subscriber = this.redis.client.duplicate();
    this.subscriber.on('message', () => void this.reload());
    this.subscriber.on('error', (error: Error) => this.logger.warn(`experiments channel: ${error.message}`));
    await this.subscriber.subscribe(this.channel());
    this.timer = setInterval(() => void this.reload(), this.config.EXPERIMENTS_RELOAD_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.reloading;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.client.destroy();
  }

  /** What the api serves to SDKs (the web app, foreign clients). */
  servedPayload(): ServedPayload {
    return this.payload;
  }

  /** Experiment states as last loaded, with their locked definitions. */
  experimentRecords(): readonly ExperimentRecord[] {
    return this.records;
  }

  /** True when some active experiment hashes or targets by classroom, so evaluations need `classroomId`. */
  needsClassroomAttribute(): boolean {
    return this.classroomAttributeNeeded;
  }

  /** Re-reads state and swaps the payload in; queued behind any reload already running. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      try {
        const payload = await this.compile();
        await this.client.setPayload(payload);
        this.payload = payload;
      } catch (error) {
        this.logger.error(`experiment payload not reloaded: ${(error as Error).message}`);
      }
    });
    return this.reloading;
  }

  /** Tells every api and worker process to reload (after a committed start or stop). */
  async announceChange(): Promise<void> {
    await this.redis.client.publish(this.channel(), new Date().toISOString());
  }

  private channel(): string {
    return this.redis.key('experiments', 'changed');
  }

  private async compile(): Promise<ServedPayload> {
    const query: SqlQuery = <T>(sql: string, params: readonly unknown[] = []) =>
      this.db.query<T[]>(sql, [...params]);
    const records = await loadExperimentRecords(query);
    const active = activeConfiguration(records);
    const compiled = compileFeaturesPayload(active.definitions, active.states);
    this.records = records;
    this.classroomAttributeNeeded = active.definitions.some(usesClassroom);
    const dateUpdated = records.reduce(
      (latest, record) => (record.updatedAt > latest ? record.updatedAt : latest),
      '',
    );
    return { status: 200, ...compiled, dateUpdated: dateUpdated || new Date(0).toISOString() };
  }
}

function usesClassroom(definition: ExperimentDefinition): boolean {
  return (
    definition.hashUnit === 'classroom' || JSON.stringify(definition.condition ?? {}).includes('classroomId')
  );
}
