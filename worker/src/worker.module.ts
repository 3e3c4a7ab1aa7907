import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@peerlift/api/config/config.module';
import { DatabaseModule } from '@peerlift/api/database/database.module';
import { QueuesModule } from '@peerlift/api/queues/queues.module';
import { RedisModule } from '@peerlift/api/redis/redis.module';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker-config';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';

/**
 * The worker: a Nest application context (no HTTP) whose processors call the same services as the api.
 * One <queue>.processor.ts per queue.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config.app), DatabaseModule, RedisModule, QueuesModule],
      providers: [{ provide: WORKER_CONFIG, useValue: config }, MaintenanceProcessor],
    };
  }
}
