import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RoleEnum {
  LEARNER = 'LEARNER',
  COACH = 'COACH',
  EXPERIMENTER = 'EXPERIMENTER',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role' });

export enum SignUpRole {
  LEARNER = 'LEARNER',
  COACH = 'COACH',
}
registerEnumType(SignUpRole, { name: 'SignUpRole', description: 'Only these can be chosen at sign-up.' });

/** The signed-in user's own view of their account. Other people only ever see a handle. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => Int) birthYear!: number;
  @Field() country!: string;
  @Field(() => [String]) languages!: string[];
  @Field() timeZone!: string;
  @Field(() => Int) totalPoints!: number;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() token!: string;
  @Field(() => UserModel) user!: UserModel;
}
