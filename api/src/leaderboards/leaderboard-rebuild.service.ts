import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../database/inject-data-source';
import { RedisService } from '../redis/redis.module';
import { parseBoardKey, retainedWeeks } from './board-keys';
import { loadBoardFacts } from './board-facts';
import { placementsOf } from './board-placements';
import { LeaderboardRelayService } from './leaderboard-relay.service';

const USER_BATCH = 1000;
const SCAN_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Sets `member`'s score to ARGV[3] (or removes it when ARGV[3] is empty) only if it still equals ARGV[2],
 * the score the sweep saw: a relay write that landed in between is never clobbered.
 */
const COMPARE_AND_SET = `
local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not cur) or tonumber(cur) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '' then redis.call('ZREM', KEYS[1], ARGV[1]) else redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
return 1`;

export interface RebuildSummary {
  learners: number;
  boardsSwept: number;
  removed: number;
  corrected: number;
}

/**
 * Recomputes every board from the ledger, safely while learners keep earning:
 * 1. every learner with ledger entries is written with ZADD GT (a flushed board fills up again; a fresher
 *    relay write is never lowered);
 * 2. every existing board is swept: members with no place on it any more (deleted accounts, left
 *    classrooms) are removed, and any score above the ledger is corrected — both compare-and-set against
 *    the score seen, so a concurrent relay write wins. Week boards older than the retained weeks go.
 */
@Injectable()
export class LeaderboardRebuildService {
  private readonly logger = new Logger('Leaderboards');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
    private readonly relay: LeaderboardRelayService,
  ) {}

  async rebuild(now = new Date()): Promise<RebuildSummary> {
    await this.relay.markBuilt();
    const summary: RebuildSummary = { learners: 0, boardsSwept: 0, removed: 0, corrected: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db.query<{ user_id: string }[]>(
        `SELECT user_id FROM point_ledger WHERE user_id > $1 GROUP BY user_id ORDER BY user_id LIMIT $2`,
        [after, USER_BATCH],
      );
      if (rows.length === 0) break;
      await this.relay.syncUsers(
        rows.map((r) => r.user_id),
        now,
      );
      summary.learners += rows.length;
      after = rows[rows.length - 1].user_id;
    }
    for (const key of await this.boardKeys()) {
      const { removed, corrected } = await this.sweep(key, now);
      summary.boardsSwept += 1;
      summary.removed += removed;
      summary.corrected += corrected;
    }
    this.logger.log(`leaderboards rebuilt: ${JSON.stringify(summary)}`);
    return summary;
  }

  private async boardKeys(): Promise<string[]> {
    const keys = new Set<string>();
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.client.scan(
        cursor,
        'MATCH',
        this.redis.key('lb', '*'),
        'COUNT',
        SCAN_BATCH,
      );
      cursor = next;
      for (const k of batch) keys.add(k);
    } while (cursor !== '0');
    return [...keys];
  }

  private async sweep(key: string, now: Date): Promise<{ removed: number; corrected: number }> {
    const board = parseBoardKey(key.slice(this.redis.prefix.length + 1));
    if (!board) return { removed: 0, corrected: 0 };
    const retained = retainedWeeks(now).map((w) => w.weekKey);
    if (board.period.kind === 'WEEK' && !retained.includes(board.period.weekKey)) {
      await this.redis.client.unlink(key);
      return { removed: 0, corrected: 0 };
    }
    let removed = 0;
    let corrected = 0;
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.client.zscan(key, cursor, 'COUNT', SCAN_BATCH);
      cursor = next;
      const seen = new Map<string, string>();
      for (let i = 0; i < flat.length; i += 2) seen.set(flat[i], flat[i + 1]);
      const wanted = new Map<string, number>();
      const learners = [...seen.keys()].filter((member) => UUID.test(member));
      for (const facts of await loadBoardFacts(this.db, learners, now)) {
        const placement = placementsOf(facts).find((p) => this.redis.key(...p.keyParts) === key);
        if (placement) wanted.set(facts.userId, placement.score);
      }
      for (const [member, score] of seen) {
        const want = wanted.get(member);
        if (want !== undefined && Number(score) <= want) continue;
        const changed = (await this.redis.client.eval(
          COMPARE_AND_SET,
          1,
          key,
          member,
          score,
          want === undefined ? '' : String(want),
        )) as number;
        if (changed && want === undefined) removed += 1;
        else if (changed) corrected += 1;
      }
    } while (cursor !== '0');
    return { removed, corrected };
  }
}
