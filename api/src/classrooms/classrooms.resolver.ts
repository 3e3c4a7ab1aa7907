import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { ClassroomEventsService } from './classroom-events.service';
import { ClassroomInsightsService } from './classroom-insights.service';
import { ClassroomsService } from './classrooms.service';
import {
  ClassroomArgs,
  CreateClassroomInput,
  JoinClassroomInput,
  StudentActivityArgs,
} from './dto/classroom.input';
import {
  ClassroomDetailModel,
  ClassroomModel,
  ClassroomUpdateModel,
  StudentActivityModel,
  TutorSuggestionModel,
} from './models/classroom.model';
import { RealtimeService } from '../realtime/realtime.module';

@Resolver()
export class ClassroomsResolver {
  constructor(
    private readonly classrooms: ClassroomsService,
    private readonly insights: ClassroomInsightsService,
    private readonly events: ClassroomEventsService,
    private readonly realtime: RealtimeService,
  ) {}

  @Roles('COACH')
  @Mutation(() => ClassroomModel)
  createClassroom(@CurrentUser() user: AuthenticatedUser, @Args('input') input: CreateClassroomInput) {
    return this.classrooms.create(user.id, input.name);
  }

  @Roles('LEARNER')
  @Mutation(() => ClassroomModel)
  joinClassroom(@CurrentUser() user: AuthenticatedUser, @Args('input') input: JoinClassroomInput) {
    return this.classrooms.join(user.id, input.code);
  }

  @Query(() => [ClassroomModel], { description: 'A coach’s classrooms, or the ones a learner joined.' })
  myClassrooms(@CurrentUser() user: AuthenticatedUser) {
    return this.classrooms.mine(user);
  }

  @Roles('COACH')
  @Query(() => ClassroomDetailModel, { description: 'The live grid; only for the classroom’s coach.' })
  classroom(@CurrentUser() user: AuthenticatedUser, @Args() { id }: ClassroomArgs) {
    return this.classrooms.detail(user, id);
  }

  @Roles('COACH')
  @Query(() => StudentActivityModel)
  studentActivity(@CurrentUser() user: AuthenticatedUser, @Args() args: StudentActivityArgs) {
    return this.insights.activity(user, args.classroomId, args.studentId, args.first);
  }

  @Roles('COACH')
  @Query(() => [TutorSuggestionModel], { description: 'Who in the class could tutor whom.' })
  tutorSuggestions(@CurrentUser() user: AuthenticatedUser, @Args() { id }: ClassroomArgs) {
    return this.insights.tutorSuggestions(user, id);
  }

  @Roles('COACH')
  @Subscription(() => ClassroomUpdateModel, {
    description: 'Fires when a student’s mastery changes; refetch the grid.',
  })
  async classroomUpdates(@CurrentUser() user: AuthenticatedUser, @Args() { id }: ClassroomArgs) {
    await this.classrooms.requireOwnClassroom(user, id);
    return this.realtime.subscribe<ClassroomUpdateModel>(this.events.channel(id));
  }
}
