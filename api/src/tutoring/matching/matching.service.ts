import { Inject, Injectable } from '@nestjs/common';
import {
  assignTutors,
  DEFAULT_ELIGIBILITY_LIMITS,
  tutorEligibility,
  type EligibilityLimits,
  type HelpRequestCandidate,
} from '@peerlift/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LiveStateService } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';
import { CandidateLoader } from './candidate-loader';
import { OfferCreationService } from './offer-creation.service';

export interface MatchTickResult {
  /** Waiting requests the tick looked at (at most MATCHING_BATCH_MAX). */
  batch: number;
  /** Free tutors it considered. */
  pool: number;
  offered: number;
  /** Time spent building the cost matrix and solving it (ms). */
  solverMs: number;
  /** More requests are waiting than one tick takes, and this tick made progress: tick again now. */
  more: boolean;
}

/**
 * Tutors considered per tick: for a batch of n requests, the n + POOL_EXTRA free tutors of the skill that
 * were least recently offered or considered — one per request and some spare choices. The cost of a pair,
 * not the solver, dominates a tick (docs/tutoring.md, "Matching"), so the pool stays small; tutors it
 * considered without offering them anything go to the back, so the rest of the pool rotates through.
 */
export const POOL_EXTRA = 16;

/**
 * One matching tick of one skill (DESIGN.md §4 Help and matching): take the oldest waiting requests and the
 * least recently offered free tutors, apply the hard filters (`tutorEligibility`), solve the assignment on
 * the documented cost (`assignTutors`: Munkres, or greedy for a single waiter), and make exclusive offers.
 */
@Injectable()
export class MatchingService {
  private readonly limits: EligibilityLimits;

  constructor(
    private readonly live: LiveStateService,
    private readonly sync: LiveSyncService,
    private readonly loader: CandidateLoader,
    private readonly offers: OfferCreationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.limits = {
      ...DEFAULT_ELIGIBILITY_LIMITS,
      heartbeatTimeoutSeconds: config.TUTOR_HEARTBEAT_TIMEOUT_SECONDS,
      maxOffersPerHour: config.MAX_OFFERS_PER_TUTOR_PER_HOUR,
    };
  }

  async matchSkill(skillSlug: string): Promise<MatchTickResult> {
    const batchMax = this.config.MATCHING_BATCH_MAX;
    const snapshot = await this.live.tickSnapshot(skillSlug, { batchMax, poolExtra: POOL_EXTRA });
    const batch = snapshot.requests.slice(0, batchMax);
    const result: MatchTickResult = {
      batch: batch.length,
      pool: snapshot.tutors.length,
      offered: 0,
      solverMs: 0,
      more: false,
    };
    if (batch.length === 0 || snapshot.tutors.length === 0) return result;
    const [requests, tutors] = await Promise.all([
      this.waitingInPostgres(
        skillSlug,
        batch.map((w) => w.id),
      ),
      this.loader.tutors({ skill: skillSlug, heartbeats: snapshot.tutors }),
    ]);
    const now = new Date(snapshot.nowMs);
    const started = performance.now();
    const assignments = assignTutors({
      requests,
      tutors,
      now,
      isEligible: (r, t) => tutorEligibility(r, t, { now, limits: this.limits }).eligible,
    });
    result.solverMs = performance.now() - started;
    const offered = assignments.length ? await this.offers.offer(skillSlug, assignments) : [];
    const chosen = new Set(assignments.map((a) => a.tutorId));
    await this.live.rotate(
      skillSlug,
      snapshot.tutors.filter((t) => !chosen.has(t.id)).map((t) => t.id),
      snapshot.nowMs,
    );
    result.offered = offered.length;
    result.more = snapshot.requests.length > batchMax && offered.length > 0;
    return result;
  }

  /** The batch's requests that Postgres agrees are WAITING; Redis is corrected for the others. */
  private async waitingInPostgres(skillSlug: string, ids: string[]): Promise<HelpRequestCandidate[]> {
    const loaded = await this.loader.requests(skillSlug, ids);
    const stale = ids.filter(
      (id) => !loaded.some((l) => l.candidate.requestId === id && l.state === 'WAITING'),
    );
    await Promise.all(stale.map((id) => this.sync.request(id)));
    // A request missing from Postgres entirely (never committed) is dropped from the line.
    const missing = ids.filter((id) => !loaded.some((l) => l.candidate.requestId === id));
    await Promise.all(missing.map((id) => this.live.closeRequest({ id, skillSlug, learnerId: '' })));
    return loaded.filter((l) => l.state === 'WAITING').map((l) => l.candidate);
  }
}
