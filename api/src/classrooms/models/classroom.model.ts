import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MasteryLevelEnum, MasteryStatusEnum, SkillRefModel } from '../../curriculum/models/skill.model';

@ObjectType('Classroom')
export class ClassroomModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Shown to the classroom’s coach only.' }) joinCode!:
    string | null;
  @Field(() => Int) studentCount!: number;
}

@ObjectType('ClassStudent')
export class ClassStudentModel {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field(() => Int) totalPoints!: number;
}

/** One student × skill cell of the coach's grid: green PROFICIENT, blue WORKING, red STUCK. */
@ObjectType('GridCell')
export class GridCellModel {
  @Field(() => ID) studentId!: string;
  @Field() skillSlug!: string;
  @Field(() => MasteryLevelEnum) level!: MasteryLevelEnum;
  @Field(() => MasteryStatusEnum) status!: MasteryStatusEnum;
  @Field(() => Int) streak!: number;
  @Field(() => Int) attempts!: number;
}

@ObjectType('ClassroomDetail')
export class ClassroomDetailModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() joinCode!: string;
  @Field(() => [ClassStudentModel]) students!: ClassStudentModel[];
  @Field(() => [SkillRefModel], { description: 'The knowledge map in teaching order (the grid’s columns).' })
  skills!: SkillRefModel[];
  @Field(() => [GridCellModel], { description: 'Cells with any progress; the rest are NOT_STARTED.' })
  cells!: GridCellModel[];
}

@ObjectType('ActivityEntry')
export class ActivityEntryModel {
  @Field() at!: Date;
  @Field({ description: 'LESSON_VIEWED, VIDEO_PLAY, VIDEO_PAUSE, VIDEO_SEEK or ANSWER' }) kind!: string;
  @Field() skillSlug!: string;
  @Field(() => Boolean, { nullable: true }) correct!: boolean | null;
  @Field(() => Float, { nullable: true }) positionSeconds!: number | null;
  @Field(() => Int, { nullable: true, description: 'Time spent on an answered exercise.' }) elapsedMs!:
    number | null;
}

@ObjectType('StudentActivity')
export class StudentActivityModel {
  @Field(() => ClassStudentModel) student!: ClassStudentModel;
  @Field(() => [ActivityEntryModel]) entries!: ActivityEntryModel[];
  @Field(() => Int) correctAnswers!: number;
  @Field(() => Int) wrongAnswers!: number;
  @Field(() => Int, { description: 'Seconds on answered exercises, each capped at 5 minutes.' })
  timeSpentSeconds!: number;
}

@ObjectType('TutorSuggestion')
export class TutorSuggestionModel {
  @Field(() => SkillRefModel) skill!: SkillRefModel;
  @Field(() => ClassStudentModel) tutor!: ClassStudentModel;
  @Field(() => ClassStudentModel) learner!: ClassStudentModel;
}

@ObjectType('ClassroomUpdate', {
  description: 'Something changed: refetch the grid (state lives in the server).',
})
export class ClassroomUpdateModel {
  @Field(() => ID) classroomId!: string;
  @Field(() => ID) studentId!: string;
  @Field() skillSlug!: string;
}
