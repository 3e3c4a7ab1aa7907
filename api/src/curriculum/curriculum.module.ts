import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { SkillsResolver } from './skills.resolver';
import { SkillsService } from './skills.service';

@Module({
  imports: [ExperimentsModule],
  providers: [SkillsResolver, SkillsService],
  exports: [SkillsService],
})
export class CurriculumModule {}
