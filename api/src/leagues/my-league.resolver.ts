import { Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { MyLeagueModel } from './models/my-league.model';
import { MyLeagueService } from './my-league.service';

@Resolver()
export class MyLeagueResolver {
  constructor(private readonly leagues: MyLeagueService) {}

  @Query(() => MyLeagueModel, {
    description: "My weekly league: tier, cohort standings and this week's promotion/demotion lines.",
  })
  myLeague(@CurrentUser() user: AuthenticatedUser): Promise<MyLeagueModel> {
    return this.leagues.myLeague(user.id);
  }
}
