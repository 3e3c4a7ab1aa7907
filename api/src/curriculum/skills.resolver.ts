import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { SkillModel } from './models/skill.model';
import { SkillsService } from './skills.service';
import { SlugArgs } from './slug.args';

@Resolver(() => SkillModel)
export class SkillsResolver {
  constructor(private readonly skillsService: SkillsService) {}

  @Query(() => [SkillModel], {
    description: 'The knowledge map in teaching order, with my mastery and unlock state.',
  })
  skills(@CurrentUser() user: AuthenticatedUser): Promise<SkillModel[]> {
    return this.skillsService.listForUser(user.id);
  }

  @Query(() => SkillModel)
  skill(@CurrentUser() user: AuthenticatedUser, @Args() { slug }: SlugArgs): Promise<SkillModel> {
    return this.skillsService.getForUser(user.id, slug);
  }
}
