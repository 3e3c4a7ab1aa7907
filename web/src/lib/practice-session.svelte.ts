// The practice loop for one skill: load the skill and an exercise, submit an answer (retrying
// network failures with the same idempotency key), show the result, move on to the next exercise.
import { errorCode, errorMessage, NetworkError } from './graphql/client';
import { SKILL, type Skill } from './graphql/skills';
import {
  NEXT_EXERCISE,
  RECORD_ACTIVITY,
  SUBMIT_ANSWER,
  type ActivityKind,
  type AnswerResult,
  type Exercise,
  type SubmitAnswerInput,
} from './graphql/practice';
import { answerInputMode, normaliseAnswer } from './answer-input';
import { newIdempotencyKey } from './idempotency-key';
import { isProficient } from './mastery-display';
import { ANSWER_RETRY_DELAYS_MS, retryOnNetworkError } from './network-retry';
import { session } from './session.svelte';
import { badgeImageUrl, tierDisplay } from './badge-display';
import { toasts } from './toasts.svelte';

export type SkillLoad = { kind: 'loading' } | { kind: 'ready'; skill: Skill } | { kind: 'missing' } | { kind: 'error'; message: string };

export type ExerciseLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; exercise: Exercise }
  | { kind: 'locked'; message: string }
  | { kind: 'error'; message: string };

/** Server refusals after which the same submission may be sent again unchanged. */
const RETRYABLE_CODES = new Set(['RATE_LIMITED']);

export class PracticeSession {
  slug = $state('');
  skill = $state.raw<SkillLoad>({ kind: 'loading' });
  exercise = $state.raw<ExerciseLoad>({ kind: 'loading' });
  answer = $state('');
  submitting = $state(false);
  result = $state.raw<AnswerResult | null>(null);
  submitError = $state<string | null>(null);
  /** The submission in flight or waiting for a retry; its key is reused until the server answers. */
  pending = $state.raw<SubmitAnswerInput | null>(null);
  /** The last answer took the learner to proficiency. */
  reachedProficiency = $state(false);
  /** Wrong answers in a row on this page: two in a row is when the help prompt speaks up. */
  wrongInARow = $state(0);
  /** The server will not take an answer for this exercise any more (already answered, gone). */
  private exerciseSpent = $state(false);

  inputMode = $derived(this.exercise.kind === 'ready' ? answerInputMode(this.exercise.exercise.prompt) : 'text');
  canRetry = $derived(this.pending !== null && this.submitError !== null && !this.submitting);
  /** Answered (or given up on) — the next step is "Next". */
  isDone = $derived(this.result !== null || (this.submitError !== null && this.pending === null && this.exerciseSpent));

  private generation = 0;
  private lessonRecorded = false;

  /** Starts over on a skill (also when the route moves to another skill). */
  open(slug: string): void {
    this.generation++;
    this.slug = slug;
    this.skill = { kind: 'loading' };
    this.wrongInARow = 0;
    this.lessonRecorded = false;
    this.resetAnswer();
    void this.loadSkill();
    void this.loadExercise();
  }

  async loadSkill(): Promise<void> {
    const generation = this.generation;
    this.skill = { kind: 'loading' };
    try {
      const { skill } = await session.request(SKILL, { slug: this.slug });
      if (generation !== this.generation) return;
      this.skill = skill ? { kind: 'ready', skill } : { kind: 'missing' };
    } catch (error) {
      if (generation !== this.generation) return;
      this.skill = errorCode(error) === 'NOT_FOUND' ? { kind: 'missing' } : { kind: 'error', message: errorMessage(error) };
    }
  }

  async loadExercise(): Promise<void> {
    const generation = this.generation;
    this.exercise = { kind: 'loading' };
    try {
      const { nextExercise } = await session.request(NEXT_EXERCISE, { skillSlug: this.slug });
      if (generation !== this.generation) return;
      this.exercise = { kind: 'ready', exercise: nextExercise };
    } catch (error) {
      if (generation !== this.generation) return;
      const message = errorMessage(error);
      this.exercise = errorCode(error) === 'SKILL_LOCKED' ? { kind: 'locked', message } : { kind: 'error', message };
    }
  }

  /** Sends the typed answer with a fresh idempotency key. */
  async submit(): Promise<void> {
    if (this.exercise.kind !== 'ready' || this.submitting || this.result || this.pending) return;
    const answer = normaliseAnswer(this.answer);
    if (!answer) {
      this.submitError = 'Type an answer first.';
      return;
    }
    this.pending = { exerciseId: this.exercise.exercise.id, answer, idempotencyKey: newIdempotencyKey() };
    await this.send();
  }

  /** Sends the pending submission again, with the same key. */
  async retry(): Promise<void> {
    if (this.pending && !this.submitting) await this.send();
  }

  /** Enter in the answer box: check the answer, resend a failed one, or move on once it is checked. */
  async enter(): Promise<void> {
    if (this.isDone) await this.next();
    else if (this.canRetry) await this.retry();
    else await this.submit();
  }

  async next(): Promise<void> {
    // The answer brought the next question with it; ask the server only when it did not (a locked skill).
    const upcoming = this.result?.nextExercise;
    this.resetAnswer();
    if (upcoming && upcoming.skillSlug === this.slug) this.exercise = { kind: 'ready', exercise: upcoming };
    else await this.loadExercise();
  }

  lessonOpened(): void {
    if (this.lessonRecorded) return;
    this.lessonRecorded = true;
    this.record('LESSON_VIEWED');
  }

  videoEvent(kind: Exclude<ActivityKind, 'LESSON_VIEWED'>, positionSeconds: number): void {
    this.record(kind, positionSeconds);
  }

  private async send(): Promise<void> {
    const input = this.pending;
    if (!input) return;
    const generation = this.generation;
    this.submitting = true;
    this.submitError = null;
    try {
      const { submitAnswer } = await retryOnNetworkError(() => session.request(SUBMIT_ANSWER, { input }), {
        delaysMs: ANSWER_RETRY_DELAYS_MS,
      });
      if (generation !== this.generation) return;
      this.pending = null;
      this.result = submitAnswer;
      this.applyResult(submitAnswer);
    } catch (error) {
      if (generation !== this.generation) return;
      this.submitError = errorMessage(error);
      const mayResend = error instanceof NetworkError || RETRYABLE_CODES.has(errorCode(error) ?? '');
      if (!mayResend) {
        this.pending = null;
        // ALREADY_ANSWERED / NOT_FOUND: this exercise is spent; anything else (e.g. BAD_USER_INPUT) may be corrected.
        this.exerciseSpent = errorCode(error) === 'ALREADY_ANSWERED' || errorCode(error) === 'NOT_FOUND';
      }
    } finally {
      if (generation === this.generation) this.submitting = false;
    }
  }

  private applyResult(result: AnswerResult): void {
    session.setTotalPoints(result.totalPoints);
    this.wrongInARow = result.correct ? 0 : this.wrongInARow + 1;
    for (const badge of result.badgesEarned) {
      const tier = tierDisplay(badge.tier);
      toasts.show({ icon: { image: badgeImageUrl(badge.slug) }, title: `Badge earned: ${badge.name}`, body: `${tier.label} badge`, href: '/profile' });
    }
    // The first answer of the day moves the daily streak shown in the header.
    if (session.user && !session.user.dailyStreak?.practisedToday) void session.refresh();
    if (this.skill.kind !== 'ready') return;
    this.reachedProficiency = !isProficient(this.skill.skill) && isProficient(result);
    const { level, status, streak, streakToProficient } = result;
    this.skill = { kind: 'ready', skill: { ...this.skill.skill, level, status, streak, streakToProficient } };
  }

  private resetAnswer(): void {
    this.answer = '';
    this.result = null;
    this.submitError = null;
    this.pending = null;
    this.submitting = false;
    this.exerciseSpent = false;
    this.reachedProficiency = false;
  }

  private record(kind: ActivityKind, positionSeconds?: number): void {
    const input = { kind, skillSlug: this.slug, ...(positionSeconds === undefined ? {} : { positionSeconds }) };
    // Analytics must never get in the learner's way: failures are ignored.
    session.request(RECORD_ACTIVITY, { input }).catch(() => undefined);
  }
}
