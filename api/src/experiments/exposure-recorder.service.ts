import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '../database/inject-data-source';
import { RedisService } from '../redis/redis.module';
import {
  exposureColumns,
  ExposurePipeline,
  INSERT_EXPOSURES_SQL,
  type Exposure,
} from '@peerlift/experiments';

/** The process's exposure pipeline (experiments/src/exposures/exposure-pipeline.ts), flushed before shutdown. */
@Injectable()
export class ExposureRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Exposures');
  private readonly pipeline: ExposurePipeline;

  constructor(
    @InjectDataSource() db: DataSource,
    redis: RedisService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pipeline = new ExposurePipeline({
      redis: redis.client,
      key: (...parts) => redis.key(...parts),
      ttlSeconds: config.EXPOSURE_DEDUP_TTL_SECONDS,
      insert: async (rows) => {
        await db.query(INSERT_EXPOSURES_SQL, exposureColumns(rows));
      },
      onError: (error) => this.logger.warn(`exposure logging failed: ${(error as Error).message}`),
    });
  }

  record(exposure: Exposure): void {
    this.pipeline.record(exposure);
  }

  /** Resolves once every exposure recorded so far is stored (tests and shutdown wait on it). */
  flush(): Promise<void> {
    return this.pipeline.flush();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pipeline.flush();
    this.pipeline.close();
  }
}
