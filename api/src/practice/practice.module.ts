import { Module } from '@nestjs/common';
import { ClassroomsModule } from '../classrooms/classrooms.module';
import { CurriculumModule } from '../curriculum/curriculum.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { ExerciseService } from './exercise.service';
import { PracticeResolver } from './practice.resolver';
import { SubmitAnswerService } from './submit-answer.service';

@Module({
  imports: [CurriculumModule, ExperimentsModule, ClassroomsModule],
  providers: [PracticeResolver, ExerciseService, SubmitAnswerService],
})
export class PracticeModule {}
