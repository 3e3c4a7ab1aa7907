import { applyAttempt } from './apply-attempt';
import { type MasteryState, initialMasteryState } from './mastery-state';
import { DEFAULT_STUCK_RULE, isStuck, masteryStatus } from './mastery-status';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');

/** Plays 'C'/'W' answers one minute apart with N = 10. */
function play(answers: string, from: MasteryState = initialMasteryState()): MasteryState {
  return [...answers].reduce(
    (state, answer, i) =>
      applyAttempt(state, { correct: answer === 'C', now: new Date(T0 + i * 60_000), streakToProficient: 10 })
        .state,
    from,
  );
}

describe('masteryStatus (green PROFICIENT, blue WORKING, red STUCK)', () => {
  it.each([
    { answers: '', status: 'NOT_STARTED', why: 'no answers' },
    { answers: 'C', status: 'WORKING', why: 'one right answer' },
    { answers: 'WW', status: 'WORKING', why: '2 wrong of the last 5' },
    { answers: 'WWW', status: 'STUCK', why: '3 wrong of the first 3 answers' },
    { answers: 'CCWCWCW', status: 'STUCK', why: '3 wrong of the last 5 (W C W C W)' },
    { answers: 'WWWCCCCC', status: 'WORKING', why: 'the last 5 are right again' },
    // C W C C W C C …: best streak 2 from answer 4, FAMILIAR (5 of 7) at answer 7, then no more progress
    {
      answers: 'CWCCWCCWCCWCCWCCWCCWC',
      status: 'WORKING',
      why: '14 answers since FAMILIAR, 2 wrong of the last 5',
    },
    {
      answers: 'CWCCWCCWCCWCCWCCWCCWCC',
      status: 'STUCK',
      why: '15 answers without progress, though 1 wrong of the last 5',
    },
    { answers: 'CCCCCCCCCC', status: 'PROFICIENT', why: '10 in a row' },
    { answers: 'CCCCCCCCCCWWWWW', status: 'PROFICIENT', why: 'proficient skills are never stuck' },
  ])('$answers → $status ($why)', ({ answers, status }) => {
    expect(masteryStatus(play(answers))).toBe(status);
  });

  it('shows MASTERED as PROFICIENT (green)', () => {
    expect(masteryStatus({ ...play('CCCCCCCCCC'), level: 'MASTERED' })).toBe('PROFICIENT');
  });

  it('is stuck after 15 answers without progress (counter at the threshold)', () => {
    const state = { ...play('CWC'), attemptsSinceProgress: DEFAULT_STUCK_RULE.attemptsWithoutProgress };
    expect(isStuck(state)).toBe(true);
    expect(isStuck({ ...state, attemptsSinceProgress: DEFAULT_STUCK_RULE.attemptsWithoutProgress - 1 })).toBe(
      false,
    );
  });

  it('takes other thresholds as a rule object', () => {
    expect(masteryStatus(play('WW'), { window: 5, wrongInWindow: 2, attemptsWithoutProgress: 15 })).toBe(
      'STUCK',
    );
  });
});
