import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@peerlift/api/config/config.module';
import { DatabaseModule } from '@peerlift/api/database/database.module';
import { QueuesModule } from '@peerlift/api/queues/queues.module';
import { RedisModule } from '@peerlift/api/redis/redis.module';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker-config';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { GamificationModule } from '@peerlift/api/gamification/gamification.module';
import { GamificationProcessor } from './gamification/gamification.processor';
import { LeaderboardOutboxPoller } from './gamification/leaderboard-outbox.poller';
import { ExperimentsModule } from '@peerlift/api/experiments/experiments.module';
import { ExperimentsProcessor } from './experiments/experiments.processor';
import { RealtimeModule } from '@peerlift/api/realtime/realtime.module';
import { TutoringCoreModule } from '@peerlift/api/tutoring/tutoring-core.module';
import { MatchingModule } from '@peerlift/api/tutoring/matching/matching.module';
import { SessionsModule } from '@peerlift/api/tutoring/sessions/sessions.module';
import { TutoringMatchingProcessor } from './tutoring/tutoring-matching.processor';
import { JobSchedules } from './schedules/job-schedules';

/**
 * The worker: a Nest application context (no HTTP) whose processors call the same services as the api.
 * One <queue>.processor.ts per queue.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config.app),
        DatabaseModule,
        RedisModule,
        QueuesModule,
        ExperimentsModule,
        GamificationModule,
        RealtimeModule,
        TutoringCoreModule,
        MatchingModule,
        SessionsModule,
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        JobSchedules,
        MaintenanceProcessor,
        ExperimentsProcessor,
        GamificationProcessor,
        LeaderboardOutboxPoller,
        TutoringMatchingProcessor,
      ],
    };
  }
}
