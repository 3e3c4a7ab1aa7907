import { POINTS_PER_MINUTE_CAP, type ExpectedAnswer, type MasteryState } from '@peerlift/domain';
import type { OtherSkillsMastery } from '../badges/answer-badge-stats';
import type { BadgeRefModel } from '../badges/models/badge.model';
import { masteryRowObject, type MasteryRow } from '../curriculum/mastery-row';
import { StatementBatcher, type BatcherStats } from '../database/statement-batcher';
import type { PreparedSql } from '../database/sql';
import type { PointAward } from '../gamification/point-ledger.service';
import type { ProgressRow } from '../streaks/learner-progress';
import { READ_ANSWERS, WRITE_ANSWERS } from './answer-statements';
import { UNLOCKING_LEVELS } from './exercise-statements';
import { DISTINCT_FROM_LAST } from './exercise.service';
import type { ExerciseModel } from './models/exercise.model';

/** What the read returns for one answer. */
export interface ExerciseForAnswer extends Omit<MasteryRow, 'skill_slug'> {
  id: string;
  skill_slug: string;
  expected: ExpectedAnswer;
  answered_at: Date | null;
  elapsed_ms: number;
  has_mastery: boolean;
  /** Null before the learner's first answer. */
  progress: ProgressRow | null;
  /** -1 when there is no progress row yet. */
  progress_version: number;
  time_zone: string;
  country: string;
  other_skills: OtherSkillsMastery;
  held_badges: string[];
  classroom_ids: string[];
  seated_this_week: boolean;
}

/** One answer for WRITE_ANSWERS, as planned in memory from its read. */
export interface AnswerWrite {
  userId: string;
  skillSlug: string;
  exerciseId: string;
  answer: string;
  correct: boolean;
  idempotencyKey: string;
  /** The result without points and badges, which the statement fills in. */
  result: object;
  elapsedMs: number;
  awards: readonly PointAward[];
  mastery: MasteryState;
  badges: readonly object[];
  progress: ProgressRow;
  progressVersion: number;
  /** The next exercise's draw, when the client asked for it. */
  next: { prerequisites: readonly string[]; candidates: readonly object[] } | null;
}

/** What WRITE_ANSWERS returns for one answer. */
export interface AnswerWritten {
  /** The next exercise, when asked for and created by the same statement. */
  next_exercise: ExerciseModel | null;
  /** False when the guard found the learner's progress or the exercise moved since the read: nothing written. */
  applied: boolean;
  total: number | null;
  awarded: number;
  badges_earned: BadgeRefModel[];
  paid_at: Date;
  week_total: number | null;
}

/** Runs a prepared statement on any pooled connection (a `pg` Pool, or the one TypeORM holds). */
export type RunPrepared = <T>(statement: PreparedSql, params: unknown[]) => Promise<T[]>;

/**
 * Batches large enough to pay for their plan many times over, small enough that one batch's JSON stays
 * a few hundred KB; two at a time so both of Postgres's cores can work while the api prepares the next.
 */
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 2;

/**
 * The answer path's reads and writes, each grouped across concurrent answers (StatementBatcher): one
 * round trip and, for writes, one commit per batch. A learner's answers never share a write batch.
 */
export class AnswerBatches {
  private readonly reads: StatementBatcher<{ exerciseId: string; userId: string }, ExerciseForAnswer | null>;
  private readonly writes: StatementBatcher<AnswerWrite, AnswerWritten>;

  constructor(run: RunPrepared) {
    this.reads = new StatementBatcher({
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
      run: async (items) => {
        const rows = await run<ExerciseForAnswer & { ord: number }>(READ_ANSWERS, [
          items.map((i) => i.exerciseId),
          items.map((i) => i.userId),
        ]);
        const byOrd = new Map(rows.map((r) => [r.ord, r]));
        return items.map((_, i) => byOrd.get(i + 1) ?? null);
      },
    });
    this.writes = new StatementBatcher({
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
      keyOf: (w) => w.userId,
      run: (items) =>
        run<AnswerWritten>(WRITE_ANSWERS, [
          JSON.stringify(items.map((w, i) => answerJson(w, i + 1))),
          // The domain's fixed rules, as data: the points-per-minute cap, how many recent prompts a new
          // exercise must differ from, the levels that unlock dependants.
          POINTS_PER_MINUTE_CAP,
          DISTINCT_FROM_LAST,
          UNLOCKING_LEVELS,
        ]),
    });
  }

  /** The exercise and what answering it needs; null when there is no such exercise of this user. */
  read(exerciseId: string, userId: string): Promise<ExerciseForAnswer | null> {
    return this.reads.submit({ exerciseId, userId });
  }

  write(answer: AnswerWrite): Promise<AnswerWritten> {
    return this.writes.submit(answer);
  }

  /** How the answers were grouped so far (for monitoring, and for tests that batching happens). */
  stats(): { reads: BatcherStats; writes: BatcherStats } {
    return { reads: { ...this.reads.stats }, writes: { ...this.writes.stats } };
  }
}

/** One element of WRITE_ANSWERS' $1 (its column names). */
function answerJson(w: AnswerWrite, ord: number): object {
  return {
    ord,
    user_id: w.userId,
    skill: w.skillSlug,
    exercise_id: w.exerciseId,
    answer: w.answer,
    correct: w.correct,
    idem_key: w.idempotencyKey,
    result: w.result,
    elapsed_ms: w.elapsedMs,
    awards: w.awards.map((a) => ({ reason: a.reason, amount: a.amount, source_key: a.sourceKey })),
    mastery: masteryRowObject(w.mastery),
    badges: w.badges,
    progress: w.progress,
    progress_version: w.progressVersion,
    prerequisites: w.next?.prerequisites ?? [],
    candidates: w.next?.candidates ?? null,
  };
}
