import { Module } from '@nestjs/common';
import { ClassroomsModule } from '../classrooms/classrooms.module';
import { CurriculumModule } from '../curriculum/curriculum.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { GamificationModule } from '../gamification/gamification.module';
import { AnswerResultResolver } from './answer-result.resolver';
import { ExerciseService } from './exercise.service';
import { PracticeResolver } from './practice.resolver';
import { SubmitAnswerService } from './submit-answer.service';

@Module({
  imports: [CurriculumModule, ExperimentsModule, ClassroomsModule, GamificationModule],
  providers: [PracticeResolver, AnswerResultResolver, ExerciseService, SubmitAnswerService],
})
export class PracticeModule {}
