import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { TutorPresenceState } from '../live/tutor-presence-state.service';

/** How long a renewal may wait for the rest of its batch (ms): nothing against a 45 s heartbeat timeout. */
export const HEARTBEAT_FLUSH_EVERY_MS = 100;

/**
 * The heartbeats the api renews on tutors' behalf (an open `tutoringEvents` subscription, every 15 s) go to
 * Redis in batches: each flush is one Lua call per 250 tutors due (HEARTBEAT_MANY) instead of one call per
 * tutor. With 100,000 tutors online that is ~30 calls a second instead of 6,667; in bench/matching the
 * per-tutor script was about half of Redis's CPU. The `heartbeat` mutation still renews at once, since it
 * answers with the tutor's availability.
 */
@Injectable()
export class HeartbeatBatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Heartbeats');
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly presence: TutorPresenceState) {}

  /** Renews the tutor's heartbeat within HEARTBEAT_FLUSH_EVERY_MS (if they are still available then). */
  beat(tutorId: string): void {
    this.pending.add(tutorId);
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), HEARTBEAT_FLUSH_EVERY_MS);
    // A process on its way out does not wait for heartbeats: the next one (of three per timeout) renews.
    this.timer.unref();
  }

  /** Sends the pending renewals now; returns how many tutors were renewed (the rest are not available). */
  async flush(): Promise<number> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return 0;
    const due = [...this.pending];
    this.pending = new Set();
    try {
      return await this.presence.heartbeatMany(due);
    } catch (e) {
      // Not thrown: nobody awaits a renewal. A tutor whose renewals keep failing times out, as they should.
      this.logger.warn(`could not renew ${due.length} heartbeats: ${String(e)}`);
      return 0;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
