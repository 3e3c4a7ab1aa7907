import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { ExerciseService } from './exercise.service';
import { AnswerResultModel, ExerciseModel } from './models/exercise.model';

/**
 * Adds `nextExercise` to AnswerResult: what `nextExercise(skillSlug)` would return right after this answer,
 * so a practising client needs one request per question instead of two (half the HTTP and GraphQL work per
 * answer). Resolved only when selected.
 */
@Resolver(() => AnswerResultModel)
export class AnswerResultResolver {
  constructor(private readonly exercises: ExerciseService) {}

  @ResolveField(() => ExerciseModel, {
    nullable: true,
    description:
      'The next exercise in the same skill (the open one, or a new one); null if the skill has become locked (a failed review of a prerequisite).',
  })
  async nextExercise(
    @Parent() result: AnswerResultModel,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExerciseModel | null> {
    if (result.createdNext) return result.createdNext; // made by the answer's own statement
    if (!result.skillSlug) return null;
    try {
      return await this.exercises.next(user.id, result.skillSlug);
    } catch (e) {
      if (e instanceof PeerliftError && e.extensions.code === ErrorCode.SKILL_LOCKED) return null;
      throw e;
    }
  }
}
