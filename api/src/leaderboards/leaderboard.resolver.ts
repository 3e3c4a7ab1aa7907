import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { CurrentUser } from '../auth/auth-decorators';
import type { AuthenticatedUser } from '../auth/token.service';
import { LeaderboardArgs } from './dto/leaderboard.args';
import type { GraphQLContext } from '../graphql/graphql-options';
import { shareResponse } from '../graphql/shared-responses';
import { LeaderboardService, TOP_CACHE_MS } from './leaderboard.service';
import { LeaderboardModel, LeaderboardScopeEnum } from './models/leaderboard.model';

@Resolver()
export class LeaderboardResolver {
  constructor(private readonly leaderboards: LeaderboardService) {}

  @Query(() => LeaderboardModel, {
    description: 'Top learners of a board, my rank, and the learners around me.',
  })
  async leaderboard(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: LeaderboardArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GraphQLContext,
  ): Promise<LeaderboardModel> {
    const parts = selectedParts(info);
    const board = await this.leaderboards.board(user.id, args, parts);
    // The global top is the same for every viewer (and already a second old at most): the whole response
    // may be shared. Country and classroom boards depend on who asks, and so does "me".
    if (args.scope === LeaderboardScopeEnum.GLOBAL && !parts.mine) shareResponse(ctx, TOP_CACHE_MS);
    return board;
  }
}

/** Which parts of the board the query asked for, so a top-100 read never ranks me and vice versa. */
function selectedParts(info: GraphQLResolveInfo): { top: boolean; mine: boolean } {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      // A fragment may select anything: then compute everything.
      if (selection.kind !== Kind.FIELD) return { top: true, mine: true };
      names.add(selection.name.value);
    }
  }
  return { top: names.has('entries'), mine: names.has('me') || names.has('around') };
}
