import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ClassroomsModule } from '../classrooms/classrooms.module';
import { CurriculumModule } from '../curriculum/curriculum.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { GamificationModule } from '../gamification/gamification.module';
import { DATA_SOURCE } from '../database/inject-data-source';
import { preparedRows } from '../database/sql';
import { AnswerBatches } from './answer-batches';
import { AnswerResultResolver } from './answer-result.resolver';
import { ExerciseService } from './exercise.service';
import { PracticeResolver } from './practice.resolver';
import { SubmitAnswerService } from './submit-answer.service';

@Module({
  imports: [CurriculumModule, ExperimentsModule, ClassroomsModule, GamificationModule],
  providers: [
    PracticeResolver,
    AnswerResultResolver,
    ExerciseService,
    SubmitAnswerService,
    {
      provide: AnswerBatches,
      inject: [DATA_SOURCE],
      useFactory: (db: DataSource) =>
        new AnswerBatches((statement, params) => preparedRows(db, statement, params)),
    },
  ],
})
export class PracticeModule {}
