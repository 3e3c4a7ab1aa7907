import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { liftAxis, liftTone } from './lift-chart';
import { decisionDisplay, interval, metricLabel, metricMean, pStatement, pValue, signedPercent, verdictDisplay } from './results-display';

describe('numbers', () => {
  const lifts: Array<[number | null, string]> = [
    [0.0342, '+3.4%'],
    [-0.01, '−1.0%'],
    [0.00001, '0%'],
    [null, '—'],
  ];
  for (const [value, text] of lifts) it(`lift ${value} reads ${text}`, () => assert.equal(signedPercent(value), text));
  it('prints small p-values as a bound', () => {
    assert.equal(pValue(0.0004), '< 0.001');
    assert.equal(pValue(0.0321), '0.032');
    assert.equal(pValue(null), '—');
  });
  it('writes p-values into sentences', () => {
    assert.equal(pStatement(0.0004), 'p < 0.001');
    assert.equal(pStatement(0.2), 'p = 0.200');
  });
  it('writes intervals, or a dash without one', () => {
    assert.equal(interval(0.012, 0.05), '+1.2% to +5.0%');
    assert.equal(interval(null, 0.05), '—');
  });
  it('shows binomial means as shares', () => {
    assert.equal(metricMean(0.4123, 'binomial'), '41.2%');
    assert.equal(metricMean(3.14159, 'mean'), '3.14');
  });
  it('names metrics', () => assert.equal(metricLabel('proficiency_reached'), 'Proficiency reached'));
});

describe('decisions and verdicts', () => {
  it('flags a sample-ratio mismatch as a warning', () => assert.equal(decisionDisplay('CHECK_SRM').tone, 'warn'));
  it('colours verdicts', () => {
    assert.equal(verdictDisplay('better').tone, 'good');
    assert.equal(verdictDisplay('withheld').label, 'Withheld (SRM)');
    assert.equal(verdictDisplay(null).label, '—');
  });
});

describe('lift chart', () => {
  const axis = liftAxis([
    { key: 'b', lift: 0.05, low: 0.01, high: 0.09 },
    { key: 'c', lift: -0.02, low: -0.06, high: 0.02 },
  ]);
  it('makes a symmetric axis a little wider than the widest interval', () => {
    assert.equal(axis.limit, 0.1);
    assert.equal(axis.x(0), 50);
    assert.equal(axis.x(0.1), 100);
    assert.equal(axis.x(-1), 0);
  });
  it('colours by whether the interval clears zero, respecting direction', () => {
    assert.equal(liftTone({ key: 'b', lift: 0.05, low: 0.01, high: 0.09 }, 'higher'), 'good');
    assert.equal(liftTone({ key: 'b', lift: 0.05, low: 0.01, high: 0.09 }, 'lower'), 'bad');
    assert.equal(liftTone({ key: 'c', lift: -0.02, low: -0.06, high: 0.02 }, 'higher'), 'neutral');
    assert.equal(liftTone({ key: 'a', lift: null, low: null, high: null }, 'higher'), 'neutral');
  });
});
