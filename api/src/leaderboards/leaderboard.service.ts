import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeLeaderboardPoints, isoWeekKey } from '@peerlift/domain';
import { InjectDataSource } from '../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { RedisService } from '../redis/redis.module';
import { boardKeyParts, type BoardPeriod, type BoardScope } from './board-keys';
import type { LeaderboardArgs } from './dto/leaderboard.args';
import { LearnerDirectory } from './learner-directory';
import {
  LeaderboardPeriodEnum,
  LeaderboardScopeEnum,
  type LeaderboardEntryModel,
  type LeaderboardModel,
} from './models/leaderboard.model';

/** The top of a board is shared by everyone reading it, so it is cached this long per api instance. */
export const TOP_CACHE_MS = 1000;
const TOP_SIZE = 100;
const AROUND_RADIUS = 5;
const MAX_CACHED_BOARDS = 10_000;

/** One round trip for "around me": my rank, then the window of ranks around it (null when I am not ranked). */
const AROUND_ME = `
local r = redis.call('ZREVRANK', KEYS[1], ARGV[1])
if not r then return nil end
local from = r - tonumber(ARGV[2])
if from < 0 then from = 0 end
return {r, from, redis.call('ZREVRANGE', KEYS[1], from, r + tonumber(ARGV[2]), 'WITHSCORES')}`;

interface AroundCommand {
  peerliftAroundMe(key: string, member: string, radius: number): Promise<[number, number, string[]] | null>;
}

/** Reads the Redis boards for `leaderboard(scope, period, first, classroomId)`. */
@Injectable()
export class LeaderboardService {
  private readonly topCache = new Map<
    string,
    { expires: number; entries: Promise<LeaderboardEntryModel[]> }
  >();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
    private readonly directory: LearnerDirectory,
  ) {
    redis.client.defineCommand('peerliftAroundMe', { numberOfKeys: 1, lua: AROUND_ME });
  }

  async board(
    userId: string,
    args: LeaderboardArgs,
    parts: { top: boolean; mine: boolean } = { top: true, mine: true },
    now = new Date(),
  ): Promise<LeaderboardModel> {
    const scope = await this.scopeFor(userId, args);
    const period: BoardPeriod =
      args.period === LeaderboardPeriodEnum.WEEK
        ? { kind: 'WEEK', weekKey: isoWeekKey(now) }
        : { kind: 'ALL_TIME' };
    const key = this.redis.key(...boardKeyParts(scope, period));
    const [top, mine] = await Promise.all([
      parts.top ? this.top(key) : [],
      parts.mine ? this.aroundMe(key, userId) : { me: { rank: null, points: 0 }, around: [] },
    ]);
    return {
      scope: args.scope,
      period: args.period,
      weekKey: period.kind === 'WEEK' ? period.weekKey : null,
      entries: top.slice(0, args.first),
      ...mine,
    };
  }

  private async scopeFor(userId: string, args: LeaderboardArgs): Promise<BoardScope> {
    if (args.scope !== LeaderboardScopeEnum.CLASSROOM && args.classroomId) {
      throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'classroomId is only for the CLASSROOM scope.', {
        fields: ['classroomId'],
      });
    }
    switch (args.scope) {
      case LeaderboardScopeEnum.GLOBAL:
        return { kind: 'GLOBAL' };
      case LeaderboardScopeEnum.COUNTRY: {
        const me = (await this.directory.cards([userId])).get(userId);
        if (!me) throw new PeerliftError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists.');
        return { kind: 'COUNTRY', country: me.country };
      }
      case LeaderboardScopeEnum.CLASSROOM:
        return { kind: 'CLASSROOM', classroomId: await this.visibleClassroom(userId, args.classroomId) };
    }
  }

  /** A classroom board is visible to its members and its coach; anyone else learns nothing about it. */
  private async visibleClassroom(userId: string, classroomId: string | undefined): Promise<string> {
    if (!classroomId) {
      throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'The CLASSROOM scope needs a classroomId.', {
        fields: ['classroomId'],
      });
    }
    const [row] = await this.db.query<{ visible: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM classroom_members WHERE classroom_id = $1 AND user_id = $2)
           OR EXISTS (SELECT 1 FROM classrooms WHERE id = $1 AND coach_id = $2) AS visible`,
      [classroomId, userId],
    );
    if (!row?.visible) throw new PeerliftError(ErrorCode.NOT_FOUND, 'No such classroom among yours.');
    return classroomId;
  }

  private top(key: string): Promise<LeaderboardEntryModel[]> {
    const now = Date.now();
    const hit = this.topCache.get(key);
    if (hit && hit.expires > now) return hit.entries;
    if (this.topCache.size >= MAX_CACHED_BOARDS) this.topCache.clear();
    const entries = this.loadTop(key);
    this.topCache.set(key, { expires: now + TOP_CACHE_MS, entries });
    entries.catch(() => this.topCache.delete(key));
    return entries;
  }

  private async loadTop(key: string): Promise<LeaderboardEntryModel[]> {
    const flat = await this.redis.client.zrevrange(key, 0, TOP_SIZE - 1, 'WITHSCORES');
    return this.entries(flat, 0);
  }

  private async aroundMe(key: string, userId: string): Promise<Pick<LeaderboardModel, 'me' | 'around'>> {
    const found = await (this.redis.client as unknown as AroundCommand).peerliftAroundMe(
      key,
      userId,
      AROUND_RADIUS,
    );
    if (!found) return { me: { rank: null, points: 0 }, around: [] };
    const [rank, from, flat] = found;
    const mine = flat[(rank - from) * 2 + 1];
    return {
      me: { rank: rank + 1, points: mine === undefined ? 0 : decodeLeaderboardPoints(Number(mine)) },
      around: await this.entries(flat, from),
    };
  }

  /** ZREVRANGE … WITHSCORES output starting at 0-based rank `from` → entries with handles. */
  private async entries(flat: string[], from: number): Promise<LeaderboardEntryModel[]> {
    const members: string[] = [];
    for (let i = 0; i < flat.length; i += 2) members.push(flat[i]);
    const cards = await this.directory.cards(members);
    const out: LeaderboardEntryModel[] = [];
    members.forEach((member, i) => {
      const card = cards.get(member);
      // A member without a card is a deleted account the relay has not removed yet: never shown.
      if (card)
        out.push({
          rank: from + i + 1,
          handle: card.handle,
          points: decodeLeaderboardPoints(Number(flat[i * 2 + 1])),
        });
    });
    return out;
  }
}
