import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badgesNewlyEarned, type MasteryState, type PointValues } from '@peerlift/domain';
import { answerBadgeStats, type OtherSkillsMastery } from '../badges/answer-badge-stats';
import { BadgeAwardService, type PreparedBadge } from '../badges/badge-award.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { LearnerBoardFacts } from '../leaderboards/board-placements';
import { LeaderboardRelayService } from '../leaderboards/leaderboard-relay.service';
import { LeagueMembershipService } from '../leagues/league-membership.service';
import { applyAnswerToProgress, type ProgressRow } from '../streaks/learner-progress';
import type { PointAward } from './point-ledger.service';

/** What the answer's read returned for gamification (the write applies only if the progress version held). */
export interface AnswerGamificationContext {
  userId: string;
  correct: boolean;
  /** From serving the exercise to this answer, server clock. */
  elapsedMs: number;
  now: Date;
  timeZone: string;
  progress: ProgressRow;
  otherSkills: OtherSkillsMastery;
  /** The answered skill's mastery after this answer. */
  skillAfter: MasteryState;
  heldBadges: readonly string[];
  values: PointValues;
}

/** What the answer statement writes besides the answer's own points. */
export interface AnswerRewardPlan {
  progress: ProgressRow;
  badges: PreparedBadge[];
  /** Streak milestone and badge points, paid in the same ledger insert as the answer's points. */
  awards: PointAward[];
}

/**
 * Everything an answer earns besides mastery — the day's streak (freezes used automatically), streak
 * milestones and the cheap badges — planned from what the answer statement read, written by the answer
 * statement itself (practice/answer-statements.ts), then the league seat and, after COMMIT, the boards.
 */
@Injectable()
export class GamificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly badges: BadgeAwardService,
    private readonly leagues: LeagueMembershipService,
    private readonly relay: LeaderboardRelayService,
  ) {}

  planAnswer(ctx: AnswerGamificationContext): AnswerRewardPlan {
    const update = applyAnswerToProgress(ctx.progress, ctx);
    const milestone = update.day.milestoneReached;
    // Once per learner and milestone length: breaking a streak and building it again never pays twice.
    const streakAwards: PointAward[] = milestone
      ? [{ reason: 'STREAK', amount: ctx.values.streakMilestone, sourceKey: `streak-milestone:${milestone}` }]
      : [];
    const stats = answerBadgeStats(update.row, ctx.otherSkills, ctx.skillAfter);
    const earned = badgesNewlyEarned(stats, new Set(ctx.heldBadges), 'ANSWER');
    return {
      progress: update.row,
      badges: this.badges.prepare(ctx.userId, earned),
      awards: [...streakAwards, ...this.badges.awardsFor(earned, ctx.values)],
    };
  }

  /** After the answer statement, in its transaction: the first points of the week take a league seat. */
  async afterAnswerWrite(
    m: EntityManager,
    userId: string,
    paid: { awarded: number; paidAt: Date; seatedThisWeek: boolean },
  ): Promise<void> {
    if (paid.awarded > 0 && !paid.seatedThisWeek) await this.leagues.joinOnPoints(m, userId, paid.paidAt);
  }

  /** After COMMIT: bring the learner's boards up to date now rather than at the next outbox drain. */
  async afterCommit(userId: string, known?: LearnerBoardFacts): Promise<void> {
    if (this.config.NODE_ENV === 'test' && this.config.TEST_CRASH_AFTER_COMMIT === '1') {
      // Fault injection for the relay's crash test: die between COMMIT and the Redis update.
      process.kill(process.pid, 'SIGKILL');
    }
    await this.relay.syncAfterCommit(userId, known);
  }
}
