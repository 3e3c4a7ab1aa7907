import { REVIEW_DELAY_MS, firstReviewDueAt, isReviewDue, nextReviewDueAt } from './review-schedule';

const DAY = 86_400_000;
const P = '2026-03-02T10:00:00.000Z';
const after = (ms: number): Date => new Date(Date.parse(P) + ms);

describe('review schedule', () => {
  it('waits at least a day before the first review', () => {
    expect(REVIEW_DELAY_MS).toBeGreaterThanOrEqual(DAY);
    expect(firstReviewDueAt(new Date(P))).toBe(after(DAY).toISOString());
  });

  it.each([
    { reviewedAfterDays: 1, dueAfterDays: 2 },
    { reviewedAfterDays: 2, dueAfterDays: 4 },
    { reviewedAfterDays: 4, dueAfterDays: 8 },
    { reviewedAfterDays: 10, dueAfterDays: 20 },
    { reviewedAfterDays: 0.25, dueAfterDays: 1.25 }, // never less than REVIEW_DELAY_MS ahead
  ])(
    'passed $reviewedAfterDays days after proficiency → next due at day $dueAfterDays',
    ({ reviewedAfterDays, dueAfterDays }) => {
      const due = nextReviewDueAt({ now: after(reviewedAfterDays * DAY), proficientAt: P });
      expect(due).toBe(after(dueAfterDays * DAY).toISOString());
    },
  );

  it.each([
    { dueAt: null, now: after(10 * DAY), due: false },
    { dueAt: after(DAY).toISOString(), now: after(DAY - 1), due: false },
    { dueAt: after(DAY).toISOString(), now: after(DAY), due: true },
  ])('isReviewDue($dueAt, $now) → $due', ({ dueAt, now, due }) => {
    expect(isReviewDue(dueAt, now)).toBe(due);
  });

  it('rejects a malformed timestamp', () => {
    expect(() => isReviewDue('yesterday-ish', new Date(P))).toThrow(RangeError);
  });
});
