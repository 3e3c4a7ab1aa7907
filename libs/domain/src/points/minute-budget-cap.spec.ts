import { POINTS_PER_MINUTE_CAP, capToMinuteBudget } from './minute-budget-cap';

describe('capToMinuteBudget', () => {
  it.each([
    { requested: 15, alreadyThisMinute: 0, cap: 300, paid: 15, why: 'well under the cap' },
    { requested: 15, alreadyThisMinute: 285, cap: 300, paid: 15, why: 'exactly fills the budget' },
    { requested: 15, alreadyThisMinute: 290, cap: 300, paid: 10, why: 'only what is left' },
    { requested: 15, alreadyThisMinute: 300, cap: 300, paid: 0, why: 'budget spent' },
    { requested: 15, alreadyThisMinute: 450, cap: 300, paid: 0, why: 'over budget (cap lowered mid-minute)' },
    { requested: 0, alreadyThisMinute: 0, cap: 300, paid: 0, why: 'nothing requested' },
    { requested: 15, alreadyThisMinute: 0, cap: 0, paid: 0, why: 'a zero cap pays nothing' },
  ])(
    '$requested requested, $alreadyThisMinute already, cap $cap → $paid ($why)',
    ({ paid, requested, alreadyThisMinute, cap }) => {
      expect(capToMinuteBudget({ requested, alreadyThisMinute, cap })).toBe(paid);
    },
  );

  it.each([
    { requested: -5, alreadyThisMinute: 0, cap: 300 },
    { requested: 5, alreadyThisMinute: Number.NaN, cap: 300 },
    { requested: 5, alreadyThisMinute: 0, cap: Number.POSITIVE_INFINITY },
  ])('rejects %p', (input) => {
    expect(() => capToMinuteBudget(input)).toThrow(RangeError);
  });

  it('leaves room for a fast honest learner: 10 answers a minute at 15 points', () => {
    expect(POINTS_PER_MINUTE_CAP).toBeGreaterThanOrEqual(10 * 15);
  });
});
