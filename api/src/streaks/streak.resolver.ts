import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/auth-decorators';
import { UserModel } from '../auth/models/user.model';
import type { AuthenticatedUser } from '../auth/token.service';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { LearnerProgressService } from './learner-progress.service';
import { DailyStreakModel } from './models/daily-streak.model';

/** Adds `dailyStreak` to User (`me { dailyStreak { current freezes } }`). */
@Resolver(() => UserModel)
export class StreakResolver {
  constructor(private readonly progress: LearnerProgressService) {}

  @ResolveField(() => DailyStreakModel)
  async dailyStreak(
    @Parent() user: UserModel,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<DailyStreakModel> {
    // A streak is private: only ever resolved for the signed-in user themself.
    if (user.id !== viewer.id)
      throw new PeerliftError(ErrorCode.FORBIDDEN, 'You can only see your own streak.');
    const { streak, practisedToday } = await this.progress.view(user.id);
    return {
      current: streak.current,
      longest: streak.longest,
      freezes: streak.freezes,
      freezesUsed: streak.freezesUsed,
      lastPracticeDay: streak.lastPracticeDay,
      practisedToday,
    };
  }
}
