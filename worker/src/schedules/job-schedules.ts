import { Injectable } from '@nestjs/common';
import { RedisService } from '@peerlift/api/redis/redis.module';

/**
 * Every queue's job schedules (BullMQ job schedulers live in Redis). Each processor adds the function that
 * upserts its own; `restoreAll` puts all of them back after Redis lost them (a flush or a replaced
 * instance) — the tutoring sweep, which also rebuilds the tutoring lines from Postgres, is one of them, so
 * without this a flush would stop matching until the worker restarted. Upserting is idempotent.
 *
 * Whether they are still there is told by a marker key of their own (`intact`), not by the leaderboards'
 * sentinel: a rebuild that was already under way when Redis was flushed writes that sentinel back, which
 * hid the flush from the schedules (the recovery test caught it under load).
 */
@Injectable()
export class JobSchedules {
  private readonly registrations: (() => Promise<void>)[] = [];

  constructor(private readonly redis: RedisService) {}

  /** Registers the schedules now and remembers how, for `restoreAll`. */
  async add(register: () => Promise<void>): Promise<void> {
    this.registrations.push(register);
    // The marker goes first: a flush between the two takes it too, and the schedules are restored again.
    await this.mark();
    await register();
  }

  /** False once Redis lost the schedules (flushed or replaced) since they were last registered. */
  async intact(): Promise<boolean> {
    return (await this.redis.client.exists(this.markerKey())) === 1;
  }

  /** Every queue's schedules; one that fails does not keep the others from coming back. */
  async restoreAll(): Promise<void> {
    await this.mark();
    const results = await Promise.allSettled(this.registrations.map((register) => register()));
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) {
      // Without the marker the next check tries again.
      await this.redis.client.del(this.markerKey());
      throw new AggregateError(
        failed.map((r): unknown => r.reason),
        'some job schedules were not restored',
      );
    }
  }

  private async mark(): Promise<void> {
    await this.redis.client.set(this.markerKey(), new Date().toISOString());
  }

  private markerKey(): string {
    return this.redis.key('worker', 'job-schedules');
  }
}
