import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ageBandFromBirthYear } from '@peerlift/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InjectDataSource } from '../../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutorPresenceState } from '../live/tutor-presence-state.service';
import { LiveSyncService } from '../live/live-sync.service';
import { MatchingQueue } from '../matching/matching-queue';
import { HeartbeatBatcher } from './heartbeat-batcher';
import type { AvailabilityModel } from './models/availability.model';

/**
 * Tutor presence: "available" plus a heartbeat with a TTL (TUTOR_HEARTBEAT_TIMEOUT_SECONDS, 45 s). A tutor
 * whose last heartbeat is older is never claimed (the claim script checks it) and the sweep makes them
 * unavailable; they must go available again. Heartbeats come from the `heartbeat` mutation or, while a
 * `tutoringEvents` subscription is open, from the server on the client's behalf (graphql-ws pings the
 * socket every 12 s and closes dead ones, which stops those heartbeats), sent to Redis in batches
 * (HeartbeatBatcher).
 */
@Injectable()
export class PresenceService {
  readonly heartbeatIntervalSeconds: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: TutorPresenceState,
    private readonly sync: LiveSyncService,
    private readonly queue: MatchingQueue,
    private readonly heartbeats: HeartbeatBatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Three heartbeats fit in one timeout, so one lost heartbeat never makes a tutor look silent.
    this.heartbeatIntervalSeconds = Math.max(1, Math.floor(config.TUTOR_HEARTBEAT_TIMEOUT_SECONDS / 3));
  }

  async setAvailability(userId: string, available: boolean): Promise<AvailabilityModel> {
    if (!available) {
      await this.live.setUnavailable(userId);
      return this.view(userId);
    }
    const rows = await this.db.query<{ birth_year: number; skills: string[] }[]>(
      `SELECT u.birth_year, coalesce(array_agg(m.skill_slug ORDER BY m.skill_slug)
                FILTER (WHERE m.level IN ('PROFICIENT', 'MASTERED')), '{}') AS skills
       FROM users u LEFT JOIN mastery m ON m.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [userId],
    );
    const user = rows[0];
    if (!user) throw new PeerliftError(ErrorCode.UNAUTHENTICATED, 'This account no longer exists.');
    // Tutoring means one-to-one chat with strangers, which we do not offer to children (age-bands.ts).
    if (ageBandFromBirthYear(user.birth_year, new Date()) === 'UNDER_13') {
      throw new PeerliftError(ErrorCode.FORBIDDEN, 'Tutoring others is open from age 13.');
    }
    // Re-read from Postgres first, so a tutor whose session end never reached Redis is not left BUSY.
    await this.sync.tutor(userId);
    const heartbeatMs = await this.live.setAvailable(userId, user.skills);
    await this.queue.tickSkillsWithWaiting(user.skills);
    return this.model(true, user.skills, heartbeatMs);
  }

  async heartbeat(userId: string): Promise<AvailabilityModel> {
    await this.live.heartbeat(userId);
    return this.view(userId);
  }

  async view(userId: string): Promise<AvailabilityModel> {
    const a = await this.live.availability(userId);
    return this.model(a.available, a.skills, a.heartbeatMs);
  }

  /**
   * Renews the heartbeat every interval until the returned function is called (the subscription closed).
   * Only renews: it never makes an unavailable tutor available.
   */
  keepAlive(userId: string): () => void {
    const beat = () => this.heartbeats.beat(userId);
    beat();
    const timer = setInterval(beat, this.heartbeatIntervalSeconds * 1000);
    timer.unref();
    return () => clearInterval(timer);
  }

  private model(available: boolean, skills: string[], heartbeatMs: number | null): AvailabilityModel {
    return {
      available,
      skillSlugs: available ? skills : [],
      heartbeatIntervalSeconds: this.heartbeatIntervalSeconds,
      expiresAt:
        available && heartbeatMs
          ? new Date(heartbeatMs + this.config.TUTOR_HEARTBEAT_TIMEOUT_SECONDS * 1000)
          : null,
    };
  }
}
