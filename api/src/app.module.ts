import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './auth/auth.module';
import { ClassroomsModule } from './classrooms/classrooms.module';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG, ConfigModule } from './config/config.module';
import { CurriculumModule } from './curriculum/curriculum.module';
import { DatabaseModule } from './database/database.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { GamificationModule } from './gamification/gamification.module';
import { GraphQLErrorFilter } from './graphql/graphql-error.filter';
import { buildGraphQLOptions } from './graphql/graphql-options';
import { SharedResponseCache } from './graphql/shared-responses';
import { SharedResponsesModule } from './graphql/shared-responses.module';
import { HealthModule } from './health/health.module';
import { PracticeModule } from './practice/practice.module';
import { QueuesModule } from './queues/queues.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RedisModule } from './redis/redis.module';
import { TutoringModule } from './tutoring/tutoring.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      providers: [{ provide: APP_FILTER, useClass: GraphQLErrorFilter }],
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        QueuesModule,
        RealtimeModule,
        SharedResponsesModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG, SharedResponseCache],
          useFactory: (c: AppConfig, shared: SharedResponseCache) => buildGraphQLOptions(c, shared),
        }),
        AuthModule,
        ClassroomsModule,
        CurriculumModule,
        PracticeModule,
        GamificationModule,
        ExperimentsModule,
        HealthModule,
        TutoringModule,
      ],
    };
  }
}
