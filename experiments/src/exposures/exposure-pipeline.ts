/** The two Redis commands the pipeline needs, as ioredis has them (this project stays driver-free). */
export interface ExposureDedupStore {
  set(key: string, value: string, ex: 'EX', seconds: number, nx: 'NX'): Promise<string | null>;
  del(...keys: string[]): Promise<number>;
}

/**
 * De-duplicated exposure logging (DESIGN.md invariant 5), free of Nest and drivers so the api, the
 * worker and the benchmark run the same code:
 *
 *   GrowthBook tracking callback → record() → Redis SET key NX EX ttl
 *     ├─ key already there: this learner was already logged this phase (by any api instance) → drop
 *     └─ key set: buffer → one multi-row INSERT … ON CONFLICT DO NOTHING per batch
 *
 * Redis absorbs the repeats (every request re-evaluates, so the same exposure arrives thousands of times);
 * the primary key (experiment, phase, user) in Postgres is the exact guarantee. The first variation seen
 * is the one kept. If an insert fails, its Redis keys are deleted so the next evaluation retries; if the
 * process dies between the SET and the INSERT (≤ `flushDelayMs` of exposures), the learner is logged
 * again once the key expires after `ttlSeconds`.
 */
export interface Exposure {
  readonly experimentKey: string;
  readonly phase: number;
  readonly userId: string;
  readonly variationKey: string;
  /** The hashed unit: the learner's id, or their classroom's id. */
  readonly hashValue: string;
  readonly seenAt: Date;
}

export interface ExposurePipelineOptions {
  readonly redis: ExposureDedupStore;
  /** Builds a prefixed Redis key (`RedisService.key`). */
  readonly key: (...parts: (string | number)[]) => string;
  readonly ttlSeconds: number;
  /** Writes a batch; must be idempotent (the api's does ON CONFLICT DO NOTHING). */
  readonly insert: (rows: readonly Exposure[]) => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly maxBatch?: number;
  readonly flushDelayMs?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ExposurePipeline {
  private buffer: Exposure[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ExposurePipelineOptions) {}

  /** Fire and forget: called from the SDK's tracking callback on the request path. */
  record(exposure: Exposure): void {
    if (!UUID.test(exposure.userId)) return; // only real accounts are analysed
    this.track(this.claim(exposure));
  }

  /** Resolves once everything recorded so far is in Postgres (or has failed and been released). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0 || this.buffer.length > 0) {
      await Promise.all([...this.inFlight]);
      if (this.buffer.length > 0) this.track(this.writeBuffer());
    }
  }

  /** Stops the timer; call `flush()` first to keep what is buffered. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private dedupKey(exposure: Exposure): string {
    return this.options.key('exposure', exposure.experimentKey, exposure.phase, exposure.userId);
  }

  private async claim(exposure: Exposure): Promise<void> {
    try {
      const set = await this.options.redis.set(
        this.dedupKey(exposure),
        exposure.variationKey,
        'EX',
        this.options.ttlSeconds,
        'NX',
      );
      if (set !== 'OK') return;
      this.buffer.push(exposure);
      this.scheduleWrite();
    } catch (error) {
      this.options.onError(error);
    }
  }

  private scheduleWrite(): void {
    if (this.buffer.length >= (this.options.maxBatch ?? 500)) {
      this.track(this.writeBuffer());
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.track(this.writeBuffer());
    }, this.options.flushDelayMs ?? 20);
  }

  private async writeBuffer(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    if (rows.length === 0) return;
    try {
      await this.options.insert(rows);
    } catch (error) {
      this.options.onError(error);
      // Release the claims so the next evaluation of these learners tries again.
      await this.options.redis.del(...rows.map((row) => this.dedupKey(row))).catch(this.options.onError);
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}

/**
 * Inserts a batch of exposures. Rows for a deleted learner, an unknown phase, or seen after their phase
 * stopped (an instance whose payload was briefly stale) are skipped; a repeat keeps the first row.
 */
export const INSERT_EXPOSURES_SQL = `
  INSERT INTO experiment_exposures (experiment_key, phase, user_id, variation_key, hash_value, first_seen_at)
  SELECT t.experiment_key, t.phase, t.user_id, t.variation_key, t.hash_value, t.seen_at
  FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[])
       AS t(experiment_key, phase, user_id, variation_key, hash_value, seen_at)
  JOIN users u ON u.id = t.user_id
  JOIN experiment_phases p ON p.experiment_key = t.experiment_key AND p.phase = t.phase
  WHERE t.seen_at < coalesce(p.stopped_at, 'infinity')
  ON CONFLICT (experiment_key, phase, user_id) DO NOTHING`;

/** The columns of INSERT_EXPOSURES_SQL for one batch. */
export function exposureColumns(rows: readonly Exposure[]): unknown[] {
  return [
    rows.map((row) => row.experimentKey),
    rows.map((row) => row.phase),
    rows.map((row) => row.userId),
    rows.map((row) => row.variationKey),
    rows.map((row) => row.hashValue),
    rows.map((row) => row.seenAt.toISOString()),
  ];
}
