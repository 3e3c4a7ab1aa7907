import { Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { MyBadgesModel } from './models/badge.model';
import { MyBadgesService } from './my-badges.service';

@Resolver()
export class MyBadgesResolver {
  constructor(private readonly badges: MyBadgesService) {}

  @Query(() => MyBadgesModel, {
    description: 'Badges I hold, with Open Badges assertion URLs, and my progress on the rest.',
  })
  myBadges(@CurrentUser() user: AuthenticatedUser): Promise<MyBadgesModel> {
    return this.badges.myBadges(user.id);
  }
}
