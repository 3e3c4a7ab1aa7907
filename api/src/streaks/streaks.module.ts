import { Module } from '@nestjs/common';
import { LearnerProgressService } from './learner-progress.service';
import { StreakResolver } from './streak.resolver';

@Module({ providers: [LearnerProgressService, StreakResolver], exports: [LearnerProgressService] })
export class StreaksModule {}
