import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../database/inject-data-source';

export interface LearnerCard {
  handle: string;
  country: string;
}

const MAX_ENTRIES = 100_000;
const TTL_MS = 10 * 60_000;

/**
 * Handles (the only thing boards show about a person) and countries by user id, with a bounded in-process
 * cache: leaderboard reads hit the same few hundred learners over and over, and a handle or country
 * changes rarely enough that ten minutes of staleness is fine. Unknown ids (deleted accounts still on a
 * board until the relay removes them) are simply missing from the result.
 */
@Injectable()
export class LearnerDirectory {
  private readonly cache = new Map<string, { card: LearnerCard; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async cards(userIds: readonly string[], now = Date.now()): Promise<Map<string, LearnerCard>> {
    const out = new Map<string, LearnerCard>();
    const missing: string[] = [];
    for (const id of userIds) {
      const hit = this.cache.get(id);
      if (hit && now - hit.at < TTL_MS) out.set(id, hit.card);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = await this.db.query<(LearnerCard & { id: string })[]>(
      `SELECT id, handle, country FROM users WHERE id = ANY($1::uuid[])`,
      [missing],
    );
    for (const { id, handle, country } of rows) {
      const card = { handle, country };
      out.set(id, card);
      this.remember(id, card, now);
    }
    return out;
  }

  private remember(id: string, card: LearnerCard, now: number): void {
    this.cache.delete(id);
    this.cache.set(id, { card, at: now });
    // Map iteration is insertion order: the first key is the least recently fetched one.
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
  }
}
