import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, describeActivity, duration, groupByDay, videoPosition, type ActivityEntry } from './activity-log';

const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  at: '2026-11-23T10:00:00.000Z',
  kind: 'ANSWER',
  skillSlug: 'add',
  correct: true,
  positionSeconds: null,
  elapsedMs: 12_000,
  ...over,
});

describe('describeActivity', () => {
  it('tells right from wrong answers with the time taken', () => {
    assert.deepEqual(describeActivity(entry({}), 'Adding'), { icon: 'check', text: 'Answered Adding correctly (12 s)', tone: 'good' });
    assert.equal(describeActivity(entry({ correct: false, elapsedMs: null }), 'Adding').text, 'Answered Adding wrongly');
  });
  it('names lessons and video events with the position', () => {
    assert.equal(describeActivity(entry({ kind: 'LESSON_VIEWED' }), 'Adding').text, 'Read the Adding lesson');
    assert.equal(describeActivity(entry({ kind: 'VIDEO_PAUSE', positionSeconds: 65.4 }), 'Adding').text, 'Paused the Adding video at 1:05');
  });
});

describe('numbers', () => {
  const cases: Array<[number, string]> = [
    [0, 'under 1 s'],
    [1, '1 s'],
    [59, '59 s'],
    [90, '2 min'],
    [3600, '1 h'],
    [7500, '2 h 5 min'],
  ];
  for (const [seconds, text] of cases) it(`${seconds} s reads "${text}"`, () => assert.equal(duration(seconds), text));
  it('formats video positions', () => assert.equal(videoPosition(605), '10:05'));
  it('rounds accuracy and has none before answers', () => {
    assert.equal(accuracy(2, 1), 67);
    assert.equal(accuracy(0, 0), null);
  });
});

describe('groupByDay', () => {
  it('keeps order and starts a group per day', () => {
    const groups = groupByDay([{ at: '2026-11-23T10:00:00Z' }, { at: '2026-11-23T09:00:00Z' }, { at: '2026-11-20T09:00:00Z' }]);
    assert.deepEqual(groups.map((g) => g.entries.length), [2, 1]);
  });
});
