import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/auth-decorators';
import type { AuthenticatedUser } from '../../auth/token.service';
import { AvailabilityModel } from './models/availability.model';
import { PresenceService } from './presence.service';

@Resolver()
export class PresenceResolver {
  constructor(private readonly presence: PresenceService) {}

  @Query(() => AvailabilityModel, { description: 'Whether I can be offered help requests right now.' })
  myAvailability(@CurrentUser() user: AuthenticatedUser): Promise<AvailabilityModel> {
    return this.presence.view(user.id);
  }

  @Mutation(() => AvailabilityModel, {
    description: 'Go available to tutor the skills I am proficient in, or stop.',
  })
  setAvailability(
    @CurrentUser() user: AuthenticatedUser,
    @Args('available') available: boolean,
  ): Promise<AvailabilityModel> {
    return this.presence.setAvailability(user.id, available);
  }

  @Mutation(() => AvailabilityModel, {
    description: 'Renews my presence while available (not needed while tutoringEvents is open).',
  })
  heartbeat(@CurrentUser() user: AuthenticatedUser): Promise<AvailabilityModel> {
    return this.presence.heartbeat(user.id);
  }
}
