import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Whether I can be offered help requests, and until when without a heartbeat. */
@ObjectType('Availability')
export class AvailabilityModel {
  @Field() available!: boolean;
  @Field(() => [String], { description: 'Skills I am PROFICIENT or better in, so can be offered.' })
  skillSlugs!: string[];
  @Field(() => Int, { description: 'Send a heartbeat (or keep tutoringEvents open) at least this often.' })
  heartbeatIntervalSeconds!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'Without a heartbeat I stop being offered anything at this time.',
  })
  expiresAt!: Date | null;
}
