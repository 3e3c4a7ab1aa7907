import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { selectsField } from '../graphql/selects-field';
import { NextExerciseArgs } from './dto/next-exercise.args';
import { RecordActivityInput, SubmitAnswerInput } from './dto/submit-answer.input';
import { ExerciseService } from './exercise.service';
import { AnswerResultModel, ExerciseModel } from './models/exercise.model';
import { SubmitAnswerService } from './submit-answer.service';

@Resolver()
export class PracticeResolver {
  constructor(
    private readonly exercises: ExerciseService,
    private readonly answers: SubmitAnswerService,
  ) {}

  @Query(() => ExerciseModel, { description: 'My open exercise in this skill, or a new one.' })
  nextExercise(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { skillSlug }: NextExerciseArgs,
  ): Promise<ExerciseModel> {
    return this.exercises.next(user.id, skillSlug);
  }

  @Mutation(() => AnswerResultModel)
  submitAnswer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SubmitAnswerInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AnswerResultModel> {
    // Asked for the next exercise too: the answer's own statement creates it (one commit per question).
    return this.answers.submit(user.id, input, { withNext: selectsField(info, 'nextExercise') });
  }

  @Mutation(() => Boolean, { description: 'Lesson and video events, for the coach activity log.' })
  recordActivity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RecordActivityInput,
  ): Promise<boolean> {
    return this.exercises.recordActivity(user.id, input);
  }
}
