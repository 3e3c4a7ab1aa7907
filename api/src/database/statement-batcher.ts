/**
 * Groups concurrent calls of one statement into batches: each batch is one round trip and, for a writing
 * statement, one commit — group commit at the application level. On a small machine most of a hot
 * statement's cost is per execution, not per row (Postgres initialising a plan of some sixty nodes, binding,
 * committing and flushing WAL; the client's socket round trip), so under load N answers in one execution
 * cost far less than N executions, while a lone call still goes out at once, alone.
 *
 * - At most `maxInFlight` batches run at a time; calls arriving meanwhile queue and leave together, as one
 *   batch, as soon as a slot frees (so batches grow with load, and never wait on a timer).
 * - Calls with the same `keyOf` never share a batch nor run at the same time (a learner's answers: one
 *   statement must not touch the same rows twice, and two batches must not lock each other's rows).
 * - When a batch fails, each of its calls runs again alone, so an error reaches only the call it belongs to
 *   (a reused idempotency key fails one learner's answer, not the batch's).
 */
export interface BatcherOptions<I, O> {
  /** Runs one batch; resolves to one output per input, in input order. */
  run(items: readonly I[]): Promise<O[]>;
  /** Calls with equal keys are serialised; omit when any calls may share a batch. */
  keyOf?(item: I): string;
  maxBatch: number;
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  key: string | undefined;
  resolve(value: O): void;
  reject(reason: unknown): void;
}

/** Counters since start: batches run (a failed batch's one-by-one re-runs included), calls, failed batches. */
export interface BatcherStats {
  batches: number;
  calls: number;
  failedBatches: number;
}

export class StatementBatcher<I, O> {
  readonly stats: BatcherStats = { batches: 0, calls: 0, failedBatches: 0 };
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private readonly busyKeys = new Set<string>();
  private flushScheduled = false;

  constructor(private readonly options: BatcherOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, key: this.options.keyOf?.(item), resolve, reject });
      // Calls made in the same turn of the event loop (requests parsed from one read of the sockets) leave
      // together: the flush waits for the turn to end, not for any clock.
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      this.inFlight++;
      void this.execute(batch).finally(() => {
        this.inFlight--;
        for (const p of batch) if (p.key !== undefined) this.busyKeys.delete(p.key);
        this.flush();
      });
    }
  }

  /** The oldest calls whose keys are free, up to maxBatch; the others keep their place in the queue. */
  private takeBatch(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const rest: Pending<I, O>[] = [];
    for (const p of this.queue) {
      if (batch.length < this.options.maxBatch && (p.key === undefined || !this.busyKeys.has(p.key))) {
        if (p.key !== undefined) this.busyKeys.add(p.key);
        batch.push(p);
      } else {
        rest.push(p);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async execute(batch: Pending<I, O>[]): Promise<void> {
    this.stats.calls += batch.length;
    try {
      const outputs = await this.runCounted(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(outputs[i]));
    } catch (e) {
      this.stats.failedBatches++;
      if (batch.length === 1) return batch[0].reject(e);
      // One call's error must not fail the others: each runs again on its own.
      await Promise.all(
        batch.map((p) =>
          this.runCounted([p.item]).then(
            ([output]) => p.resolve(output),
            (err: unknown) => p.reject(err),
          ),
        ),
      );
    }
  }

  private runCounted(items: readonly I[]): Promise<O[]> {
    this.stats.batches++;
    return this.options.run(items);
  }
}
