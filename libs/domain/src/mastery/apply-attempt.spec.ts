import { type AttemptOutcome, applyAttempt } from './apply-attempt';
import { DEFAULT_BKT_PARAMS, updateKnowledgeEstimate } from './bkt-update';
import { type MasteryState, initialMasteryState } from './mastery-state';
import { REVIEW_DELAY_MS } from './review-schedule';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (ms: number): Date => new Date(T0 + ms);

/** Plays answers written as 'C' (correct) / 'W' (wrong), one minute apart from `start`. */
function play(
  answers: string,
  opts: { from?: MasteryState; start?: number; n?: number } = {},
): { state: MasteryState; outcomes: AttemptOutcome[] } {
  let state = opts.from ?? initialMasteryState();
  const outcomes: AttemptOutcome[] = [];
  [...answers].forEach((answer, i) => {
    const now = at((opts.start ?? 0) + i * MINUTE);
    const outcome = applyAttempt(state, { correct: answer === 'C', now, streakToProficient: opts.n ?? 10 });
    outcomes.push(outcome);
    state = outcome.state;
  });
  return { state, outcomes };
}

/** A skill that became PROFICIENT at T0 + 9 min (10 in a row from T0). */
const proficient = (): MasteryState => play('CCCCCCCCCC').state;
const PROFICIENT_AT = 9 * MINUTE;

describe('applyAttempt: the level ladder', () => {
  it.each([
    { answers: '', n: 10, level: 'NOT_STARTED', why: 'no answers yet' },
    { answers: 'W', n: 10, level: 'ATTEMPTED', why: 'any first answer, even wrong' },
    { answers: 'CCCC', n: 10, level: 'ATTEMPTED', why: 'fewer than 5 answers are not judged for FAMILIAR' },
    { answers: 'CCCCC', n: 10, level: 'FAMILIAR', why: '5 of 5 correct' },
    { answers: 'CCWCC', n: 10, level: 'FAMILIAR', why: '4 of 5 = 80 % ≥ 70 %' },
    { answers: 'CWCWC', n: 10, level: 'ATTEMPTED', why: '3 of 5 = 60 % < 70 %' },
    { answers: 'WWWCCCCCCC', n: 10, level: 'FAMILIAR', why: '7 of the last 10 = 70 %' },
    { answers: 'WWWWCCCCCC', n: 10, level: 'ATTEMPTED', why: '6 of the last 10 = 60 %' },
    { answers: 'CCCCCWWWWW', n: 10, level: 'FAMILIAR', why: 'a level never drops outside a review' },
    { answers: 'CCCCCCCCCW', n: 10, level: 'FAMILIAR', why: '9 in a row is not 10' },
    { answers: 'CCCCCCCCCC', n: 10, level: 'PROFICIENT', why: '10 in a row (default N)' },
    {
      answers: 'WWWWWCCCCCCCCCC',
      n: 10,
      level: 'PROFICIENT',
      why: 'straight from ATTEMPTED on the 10th in a row',
    },
    { answers: 'CCCCC', n: 5, level: 'PROFICIENT', why: '5 in a row when an experiment sets N = 5' },
    {
      answers: 'CCCCW',
      n: 5,
      level: 'FAMILIAR',
      why: 'N = 5: 4 in a row then a miss is 80 %, not proficient',
    },
    { answers: 'WCCC', n: 3, level: 'PROFICIENT', why: 'N = 3 skips FAMILIAR' },
  ])('$answers with N=$n → $level ($why)', ({ answers, n, level }) => {
    expect(play(answers, { n }).state.level).toBe(level);
  });

  it.each([
    { n: 10, answers: 'CCCCCCCCCC' },
    { n: 5, answers: 'WCCCCC' },
  ])('becomes PROFICIENT exactly on the $n-th correct answer in a row', ({ n, answers }) => {
    const { outcomes, state } = play(answers, { n });
    expect(outcomes.map((o) => o.becameProficient)).toEqual(
      [...answers].map((_, i) => i === answers.length - 1),
    );
    const last = at((answers.length - 1) * MINUTE);
    expect(state.proficientAt).toBe(last.toISOString());
    expect(state.reviewDueAt).toBe(new Date(last.getTime() + REVIEW_DELAY_MS).toISOString());
  });

  it('keeps counters: attempts, correct, streak, best streak and the last 10 results', () => {
    const { state } = play('CCCWCCCCCCCW');
    expect(state).toMatchObject({ attempts: 12, correct: 10, streak: 0, bestStreak: 7 });
    // the last 10 of C C C W C C C C C C C W
    expect(state.recentResults).toEqual([true, false, true, true, true, true, true, true, true, false]);
  });

  it('updates P(known) with the given BKT parameters', () => {
    const bkt = { prior: 0.3, learn: 0.2, guess: 0.25, slip: 0.05 };
    const { state } = applyAttempt(initialMasteryState(bkt), {
      correct: true,
      now: at(0),
      streakToProficient: 10,
      bkt,
    });
    expect(state.pKnown).toBeCloseTo(16 / 23, 12);
    const byDefault = applyAttempt(initialMasteryState(), {
      correct: false,
      now: at(0),
      streakToProficient: 10,
    });
    expect(byDefault.state.pKnown).toBeCloseTo(
      updateKnowledgeEstimate(DEFAULT_BKT_PARAMS.prior, false, DEFAULT_BKT_PARAMS),
      12,
    );
  });

  it('never mutates the state it is given', () => {
    const before = play('CCW').state;
    const snapshot = structuredClone(before);
    applyAttempt(Object.freeze(before), { correct: true, now: at(DAY), streakToProficient: 10 });
    expect(before).toEqual(snapshot);
  });

  it.each([
    { attempt: { correct: true, now: at(0), streakToProficient: 0 }, why: 'N = 0' },
    { attempt: { correct: true, now: at(0), streakToProficient: 2.5 }, why: 'fractional N' },
    { attempt: { correct: true, now: new Date(Number.NaN), streakToProficient: 10 }, why: 'an invalid Date' },
  ])('rejects $why', ({ attempt }) => {
    expect(() => applyAttempt(initialMasteryState(), attempt)).toThrow(RangeError);
  });
});

describe('applyAttempt: the review that confirms mastery', () => {
  it.each([
    { after: MINUTE, isReview: false, level: 'PROFICIENT' },
    { after: DAY - MINUTE, isReview: false, level: 'PROFICIENT' },
    { after: DAY, isReview: true, level: 'MASTERED' },
    { after: 3 * DAY, isReview: true, level: 'MASTERED' },
  ])(
    'a correct answer $after ms after proficiency: review=$isReview → $level',
    ({ after, isReview, level }) => {
      const outcome = applyAttempt(proficient(), {
        correct: true,
        now: at(PROFICIENT_AT + after),
        streakToProficient: 10,
      });
      expect(outcome.wasReview).toBe(isReview);
      expect(outcome.becameMastered).toBe(isReview);
      expect(outcome.state.level).toBe(level);
    },
  );

  it('a wrong answer before the review is due only resets the streak', () => {
    const outcome = applyAttempt(proficient(), {
      correct: false,
      now: at(PROFICIENT_AT + MINUTE),
      streakToProficient: 10,
    });
    expect(outcome).toMatchObject({ wasReview: false, steppedBack: false });
    expect(outcome.state).toMatchObject({ level: 'PROFICIENT', streak: 0, attempts: 11 });
    expect(outcome.state.reviewDueAt).toBe(proficient().reviewDueAt);
  });

  it('a failed review steps PROFICIENT back to FAMILIAR, and N in a row are needed again', () => {
    const failed = applyAttempt(proficient(), {
      correct: false,
      now: at(PROFICIENT_AT + DAY),
      streakToProficient: 10,
    });
    expect(failed).toMatchObject({ wasReview: true, steppedBack: true, becameMastered: false });
    expect(failed.state).toMatchObject({
      level: 'FAMILIAR',
      streak: 0,
      proficientAt: null,
      reviewDueAt: null,
    });
    const back = play('CCCCCCCCCC', { from: failed.state, start: PROFICIENT_AT + DAY + MINUTE });
    expect(back.outcomes.map((o) => o.state.level).slice(-2)).toEqual(['FAMILIAR', 'PROFICIENT']);
  });

  it('a failed review steps MASTERED back to PROFICIENT with a new review a day later', () => {
    const mastered = applyAttempt(proficient(), {
      correct: true,
      now: at(PROFICIENT_AT + DAY),
      streakToProficient: 10,
    }).state;
    const failAt = at(PROFICIENT_AT + 2 * DAY);
    const failed = applyAttempt(mastered, { correct: false, now: failAt, streakToProficient: 10 });
    expect(failed).toMatchObject({ wasReview: true, steppedBack: true });
    expect(failed.state).toMatchObject({
      level: 'PROFICIENT',
      proficientAt: failAt.toISOString(),
      reviewDueAt: new Date(failAt.getTime() + DAY).toISOString(),
    });
    const again = applyAttempt(failed.state, {
      correct: true,
      now: at(PROFICIENT_AT + 3 * DAY),
      streakToProficient: 10,
    });
    expect(again).toMatchObject({ becameMastered: true, state: { level: 'MASTERED' } });
  });

  it('spaces passed reviews by doubling the skill age: due 1, 2, 4, 8 days after proficiency', () => {
    let state = proficient();
    const dueDays: number[] = [];
    const mastered: boolean[] = [];
    for (const day of [1, 2, 4]) {
      const outcome = applyAttempt(state, {
        correct: true,
        now: at(PROFICIENT_AT + day * DAY),
        streakToProficient: 10,
      });
      state = outcome.state;
      mastered.push(outcome.becameMastered);
      dueDays.push((Date.parse(state.reviewDueAt!) - (T0 + PROFICIENT_AT)) / DAY);
    }
    expect(dueDays).toEqual([2, 4, 8]);
    expect(mastered).toEqual([true, false, false]);
  });

  it('gives a late review a longer interval: passed 10 days after proficiency → due at day 20', () => {
    const outcome = applyAttempt(proficient(), {
      correct: true,
      now: at(PROFICIENT_AT + 10 * DAY),
      streakToProficient: 10,
    });
    expect(Date.parse(outcome.state.reviewDueAt!) - (T0 + PROFICIENT_AT)).toBe(20 * DAY);
  });

  it('answers on a MASTERED skill before its next review change no level', () => {
    const mastered = applyAttempt(proficient(), {
      correct: true,
      now: at(PROFICIENT_AT + DAY),
      streakToProficient: 10,
    }).state;
    const { state, outcomes } = play('WWWW', { from: mastered, start: PROFICIENT_AT + DAY + MINUTE });
    expect(state.level).toBe('MASTERED');
    expect(outcomes.some((o) => o.wasReview || o.steppedBack)).toBe(false);
  });
});

describe('applyAttempt: progress for the stuck rule', () => {
  it.each([
    { answers: 'C', since: 0, why: 'a first correct answer is a new best streak' },
    { answers: 'W', since: 0, why: 'the first answer is a level up to ATTEMPTED' },
    { answers: 'WW', since: 1, why: 'a second miss is no progress' },
    { answers: 'CWC', since: 2, why: 'a streak of 1 again is not a new best' },
    { answers: 'CWCC', since: 0, why: 'a streak of 2 is a new best' },
    { answers: 'CWCWCWCWCW', since: 9, why: 'ten answers with a best streak of 1' },
  ])('$answers → attemptsSinceProgress $since ($why)', ({ answers, since }) => {
    expect(play(answers).state.attemptsSinceProgress).toBe(since);
  });
});
