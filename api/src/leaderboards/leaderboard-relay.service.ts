import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../database/inject-data-source';
import { sqlRows } from '../database/sql';
import { RedisService } from '../redis/redis.module';
import { retainedWeeks, scopeOfToken, weekBoardExpiry } from './board-keys';
import { loadBoardFacts } from './board-facts';
import { boardsOfScope, placementsOf, type LearnerBoardFacts } from './board-placements';

/** Rows one drain transaction takes (and holds locked until Redis has them). */
export const OUTBOX_BATCH = 500;

/**
 * The ledger → Redis relay. Postgres is the record; each board is a copy rebuilt from it:
 * - every transaction that pays points also writes a `leaderboard_outbox` row;
 * - after COMMIT the api syncs the learner at once (fast path, best effort);
 * - the worker drains the outbox: rows stay locked (FOR UPDATE SKIP LOCKED) while Redis is updated and are
 *   deleted in the same transaction, so a crash or a Redis outage leaves them for the next drain;
 * - scores are recomputed from the ledger and written with ZADD GT: totals only grow, so a stale writer
 *   racing a fresh one can never lower a score, and a repeated write changes nothing.
 */
@Injectable()
export class LeaderboardRelayService {
  private readonly logger = new Logger('Leaderboards');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
  ) {}

  /** Recomputes these learners' scores from the ledger and writes them (ZADD GT) to every board they are on. */
  async syncUsers(userIds: readonly string[], now = new Date()): Promise<void> {
    await this.writeFacts(await loadBoardFacts(this.db, [...new Set(userIds)], now));
  }

  /** Writes (ZADD GT) the scores these facts give to every board they name. */
  async writeFacts(facts: readonly LearnerBoardFacts[]): Promise<void> {
    const pipe = this.redis.client.pipeline();
    for (const f of facts) {
      for (const p of placementsOf(f)) {
        const key = this.redis.key(...p.keyParts);
        pipe.zadd(key, 'GT', p.score, f.userId);
        if (p.weekKey) pipe.expireat(key, weekBoardExpiry(p.weekKey));
      }
    }
    if (pipe.length) await execOrThrow(pipe);
  }

  /** Takes a learner off every retained board of the named scopes ('GLOBAL', 'COUNTRY:NZ', 'CLASSROOM:<id>'). */
  async remove(
    removals: readonly { userId: string; scopes: readonly string[] }[],
    now = new Date(),
  ): Promise<void> {
    const weeks = retainedWeeks(now).map((w) => w.weekKey);
    const pipe = this.redis.client.pipeline();
    for (const { userId, scopes } of removals) {
      for (const token of scopes) {
        const scope = scopeOfToken(token);
        if (!scope) continue;
        for (const parts of boardsOfScope(scope, weeks)) pipe.zrem(this.redis.key(...parts), userId);
      }
    }
    if (pipe.length) await execOrThrow(pipe);
  }

  /**
   * Drains one batch of the outbox; returns how many rows it relayed (0 when empty). Removals go first,
   * then the fresh recompute, so a learner who left and re-joined a classroom ends up on its board.
   */
  async drainOnce(now = new Date()): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows = await sqlRows<{ id: string; user_id: string; remove_from: string[] }>(
        m,
        `SELECT id, user_id, remove_from FROM leaderboard_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [OUTBOX_BATCH],
      );
      if (rows.length === 0) return 0;
      await this.remove(
        rows
          .filter((r) => r.remove_from.length > 0)
          .map((r) => ({ userId: r.user_id, scopes: r.remove_from })),
        now,
      );
      await this.syncUsers(
        rows.map((r) => r.user_id),
        now,
      );
      await sqlRows(m, `DELETE FROM leaderboard_outbox WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /** Drains until the outbox is empty or `maxBatches` ran. */
  async drain(maxBatches = 20, now = new Date()): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.drainOnce(now);
      total += n;
      if (n < OUTBOX_BATCH) break;
    }
    return total;
  }

  /** False once the boards were lost (Redis flushed or replaced) and not yet rebuilt. */
  async isBuilt(): Promise<boolean> {
    return (await this.redis.client.exists(this.sentinelKey())) === 1;
  }

  /** Set when a rebuild starts: a flush after that point deletes it again and so asks for another rebuild. */
  async markBuilt(): Promise<void> {
    await this.redis.client.set(this.sentinelKey(), new Date().toISOString());
  }

  /**
   * The api's fast path after COMMIT: never fails the request — the outbox row is the guarantee. Given the
   * facts the paying transaction already knew (the answer path returns them from its write), it costs no
   * Postgres round trip; otherwise they are read from the ledger.
   */
  async syncAfterCommit(userId: string, known?: LearnerBoardFacts): Promise<void> {
    await (known ? this.writeFacts([known]) : this.syncUsers([userId])).catch((e: unknown) =>
      this.logger.warn(`leaderboard fast path skipped: ${String(e)}`),
    );
  }

  private sentinelKey(): string {
    return this.redis.key('lb', 'meta', 'built');
  }
}

/** A pipeline resolves even when commands fail; a relay must not delete outbox rows Redis did not take. */
async function execOrThrow(pipe: ReturnType<RedisService['client']['pipeline']>): Promise<void> {
  const results = (await pipe.exec()) ?? [];
  const failed = results.find(([err]) => err)?.[0];
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
}
