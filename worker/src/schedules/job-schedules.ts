import { Injectable } from '@nestjs/common';

/**
 * Every queue's job schedules (BullMQ job schedulers live in Redis). Each processor adds the function that
 * upserts its own; `restoreAll` puts all of them back after Redis lost them (a flush or a replaced
 * instance) — the tutoring sweep, which also rebuilds the tutoring lines from Postgres, is one of them, so
 * without this a flush would stop matching until the worker restarted. Upserting is idempotent.
 */
@Injectable()
export class JobSchedules {
  private readonly registrations: (() => Promise<void>)[] = [];

  /** Registers the schedules now and remembers how, for `restoreAll`. */
  async add(register: () => Promise<void>): Promise<void> {
    this.registrations.push(register);
    await register();
  }

  /** Every queue's schedules; one that fails does not keep the others from coming back. */
  async restoreAll(): Promise<void> {
    const results = await Promise.allSettled(this.registrations.map((register) => register()));
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0)
      throw new AggregateError(
        failed.map((r): unknown => r.reason),
        'some job schedules were not restored',
      );
  }
}
