import { Inject, Injectable } from '@nestjs/common';
import {
  assignTutors,
  DEFAULT_ELIGIBILITY_LIMITS,
  tutorEligibility,
  type EligibilityLimits,
  type HelpRequestCandidate,
  type TutorAssignment,
} from '@peerlift/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LiveStateService, type PoolSpares, type TickSnapshot } from '../live/live-state.service';
import { LiveSyncService } from '../live/live-sync.service';
import { CandidateLoader } from './candidate-loader';
import { OfferCreationService } from './offer-creation.service';

export interface MatchTickResult {
  /** Skills the tick matched (those it was given that had requests waiting and tutors free). */
  skills: number;
  /** Waiting requests the tick looked at (at most MATCHING_BATCH_MAX per skill). */
  batch: number;
  /** Free tutors it considered (summed over the skills). */
  pool: number;
  /** Offers made (in the result given at `claimed`: claims held, not yet confirmed by Postgres). */
  offered: number;
  /** Time spent building the cost matrices and solving them (ms). */
  solverMs: number;
  /**
   * Where the tick's time went (ms): the Redis snapshot, the Postgres reads, claims + confirmation (at
   * `claimed`: the claims only).
   */
  phasesMs: { snapshot: number; load: number; offer: number };
  /** More requests are waiting than one tick takes, and this tick made progress: tick again now. */
  more: boolean;
}

/**
 * Tutors considered per skill per tick: for a batch of n requests, the n + POOL_EXTRA free tutors of the
 * skill that were least recently offered or considered — one per request and some spare choices. Loading a
 * candidate's facts, not the solver, is what a tick costs (docs/tutoring.md, "Matching"), so the pool stays
 * small; tutors it considered without offering them anything go to the back, so the rest of the pool
 * rotates through. With 16 spare, bench/matching's steady phase saturated both cores on those facts (ticks
 * p50 22 ms, ask → offer p50 67 ms); with 8, ticks took 10 ms and ask → offer 34 ms, and a lone waiter still
 * gets the best of nine. (A single-skill snapshot, `matchSkills`, uses it as is.)
 */
export const POOL_EXTRA = 8;

/**
 * A shard's tick shares its spares out: 24 among its skills, at most POOL_EXTRA and at least 2 each. A quiet
 * tick of one to three skills gets the full eight per skill; a busy one with requests in ten skills gets
 * two each, where eight each made spare tutors three quarters of the facts a tick loaded (bench/matching:
 * ~90 tutors for ~11 requests) and the busiest system paid the most per request for choice.
 */
export const POOL_SPARES: PoolSpares = { perSkillMax: POOL_EXTRA, perSkillMin: 2, perTick: 24 };

interface SkillBatch {
  skill: string;
  snapshot: TickSnapshot;
  requestIds: string[];
}

/**
 * One matching tick (DESIGN.md §4 Help and matching) over one or more skills: per skill, the oldest waiting
 * requests and the least recently offered free tutors; the hard filters (`tutorEligibility`); the
 * assignment on the documented cost (`assignTutors`: Munkres, or greedy for a single waiter), solved per
 * skill; exclusive offers. The skills share the tick's reads and its confirmation — one statement each,
 * whatever the number of skills — which is what a tick costs, more than its size.
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

  /** One skill's tick. */
  matchSkill(skillSlug: string): Promise<MatchTickResult> {
    return this.matchSkills([skillSlug]);
  }

  /**
   * A shard's tick (the worker's `match-shard` job), begun in one round trip (TICK_START: the shard's
   * skills with requests waiting, and their snapshots), that lets its caller go on as soon as its claims
   * are made: `claimed` resolves then (or with the whole result, if the tick had nothing to claim), while
   * `settled` — Postgres's confirmation of the claims, the release of any it refused, the events — runs on.
   * The worker starts the shard's next tick at `claimed`: the requests and tutors this tick holds have left
   * the lines and pools, so the next tick cannot take them, and Postgres's half of this tick overlaps the
   * next tick's reads. A worker that dies before `settled` leaves claims only in Redis, as a crash mid-tick
   * always could: their deadlines end them.
   */
  async matchShardUntilClaimed(
    shard: number,
  ): Promise<{ claimed: MatchTickResult; settled: Promise<MatchTickResult> }> {
    let onClaimed!: (r: MatchTickResult) => void;
    const claimed = new Promise<MatchTickResult>((resolve) => (onClaimed = resolve));
    const t0 = performance.now();
    const settled = this.live
      .tickStart(shard, {
        shards: this.config.MATCHING_SHARDS,
        batchMax: this.config.MATCHING_BATCH_MAX,
        spares: POOL_SPARES,
      })
      .then((snapshots) => this.match(snapshots, t0, onClaimed));
    return { claimed: await Promise.race([claimed, settled]), settled };
  }

  /** A whole tick of these skills, from their snapshots to their offers' events. */
  async matchSkills(skills: readonly string[]): Promise<MatchTickResult> {
    const t0 = performance.now();
    // One Lua call per skill, sent together (the client pipelines calls made in the same turn).
    const snapshots = await Promise.all(
      [...new Set(skills)].map(async (skill) => ({
        skill,
        snapshot: await this.live.tickSnapshot(skill, {
          batchMax: this.config.MATCHING_BATCH_MAX,
          poolExtra: POOL_EXTRA,
        }),
      })),
    );
    return this.match(snapshots, t0);
  }

  /** The tick from its snapshots (taken since `t0`); `claimed` is told the result so far once claims are made. */
  private async match(
    snapshots: readonly { skill: string; snapshot: TickSnapshot }[],
    t0: number,
    claimed?: (soFar: MatchTickResult) => void,
  ): Promise<MatchTickResult> {
    const batchMax = this.config.MATCHING_BATCH_MAX;
    const batches: SkillBatch[] = snapshots
      .filter(({ snapshot }) => snapshot.requests.length > 0 && snapshot.tutors.length > 0)
      .map(({ skill, snapshot }) => ({
        skill,
        snapshot,
        requestIds: snapshot.requests.slice(0, batchMax).map((w) => w.id),
      }));
    const result: MatchTickResult = {
      skills: batches.length,
      batch: batches.reduce((n, b) => n + b.requestIds.length, 0),
      pool: batches.reduce((n, b) => n + b.snapshot.tutors.length, 0),
      offered: 0,
      solverMs: 0,
      phasesMs: { snapshot: performance.now() - t0, load: 0, offer: 0 },
      more: false,
    };
    if (batches.length === 0) return result;
    const t1 = performance.now();
    const [requests, tutors] = await Promise.all([
      this.waitingInPostgres(batches),
      this.loader.tutors(new Map(batches.map((b) => [b.skill, b.snapshot.tutors]))),
    ]);
    const started = performance.now();
    result.phasesMs.load = started - t1;
    const assignments: (TutorAssignment & { skillSlug: string })[] = [];
    // A tutor in the pools of two skills is offered at most one request per tick.
    const chosen = new Set<string>();
    for (const b of batches) {
      const now = new Date(b.snapshot.nowMs);
      const solved = assignTutors({
        requests: requests.filter((r) => r.skillId === b.skill),
        tutors: (tutors.get(b.skill) ?? []).filter((t) => !chosen.has(t.tutorId)),
        now,
        isEligible: (r, t) => tutorEligibility(r, t, { now, limits: this.limits }).eligible,
      });
      for (const a of solved) {
        chosen.add(a.tutorId);
        assignments.push({ ...a, skillSlug: b.skill });
      }
    }
    result.solverMs = performance.now() - started;
    const t2 = performance.now();
    // Rotating the pools touches only tutors not chosen, so it runs alongside the claims and confirmation.
    const more = (skillsHeld: Set<string>) =>
      batches.some((b) => b.snapshot.requests.length > batchMax && skillsHeld.has(b.skill));
    const [offered] = await Promise.all([
      assignments.length
        ? this.offers.offer(assignments, (held) =>
            claimed?.({
              ...result,
              offered: held.length,
              phasesMs: { ...result.phasesMs, offer: performance.now() - t2 },
              more: more(new Set(held.map((h) => h.skillSlug))),
            }),
          )
        : [],
      ...batches.map((b) =>
        this.live.rotate(
          b.skill,
          b.snapshot.tutors.filter((t) => !chosen.has(t.id)).map((t) => t.id),
          b.snapshot.nowMs,
        ),
      ),
    ]);
    result.phasesMs.offer = performance.now() - t2;
    result.offered = offered.length;
    result.more = more(new Set(offered.map((o) => o.skillSlug)));
    return result;
  }

  /** The batches' requests that Postgres agrees are WAITING; Redis is corrected for the others. */
  private async waitingInPostgres(batches: readonly SkillBatch[]): Promise<HelpRequestCandidate[]> {
    const ids = batches.flatMap((b) => b.requestIds);
    const loaded = await this.loader.requests(ids);
    const stateOf = new Map(loaded.map((l) => [l.candidate.requestId, l.state]));
    const stale = ids.filter((id) => stateOf.has(id) && stateOf.get(id) !== 'WAITING');
    await Promise.all(stale.map((id) => this.sync.request(id)));
    // A request missing from Postgres entirely (never committed) is dropped from the line.
    const missing = batches.flatMap((b) =>
      b.requestIds.filter((id) => !stateOf.has(id)).map((id) => ({ id, skillSlug: b.skill })),
    );
    await Promise.all(missing.map((m) => this.live.closeRequest({ ...m, learnerId: '' })));
    return loaded.filter((l) => l.state === 'WAITING').map((l) => l.candidate);
  }
}
