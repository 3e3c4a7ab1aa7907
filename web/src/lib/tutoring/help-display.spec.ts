import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWaiting, messageProblem, ordinal, requestHeadline, secondsLeft, waitText } from './help-display';

describe('waitText', () => {
  const cases: Array<[number | null, string | null]> = [
    [null, null],
    [5, 'under 30 seconds'],
    [45, 'about a minute'],
    [150, 'about 3 minutes'],
    [4000, 'more than an hour'],
  ];
  for (const [seconds, text] of cases) it(`${seconds} s reads ${JSON.stringify(text)}`, () => assert.equal(waitText(seconds), text));
});

describe('ordinal', () => {
  const cases: Array<[number, string]> = [
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [22, '22nd'],
    [101, '101st'],
  ];
  for (const [n, text] of cases) it(`${n} is ${text}`, () => assert.equal(ordinal(n), text));
});

describe('requests', () => {
  it('waits while waiting or offered', () => {
    assert.equal(isWaiting('WAITING'), true);
    assert.equal(isWaiting('OFFERED'), true);
    assert.equal(isWaiting('MATCHED'), false);
  });
  it('has a headline for every state', () => {
    for (const state of ['WAITING', 'OFFERED', 'MATCHED', 'EXPIRED', 'CANCELLED', 'CLOSED'] as const) assert.ok(requestHeadline(state));
  });
  it('counts an offer down in whole seconds', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    assert.equal(secondsLeft('2026-11-23T10:00:14.200Z', now), 15);
    assert.equal(secondsLeft('2026-11-23T09:59:00Z', now), 0);
  });
});

describe('messageProblem', () => {
  it('refuses empty and overlong messages', () => {
    assert.equal(messageProblem('  hi  '), null);
    assert.match(messageProblem('   ') ?? '', /Type a message/);
    assert.match(messageProblem('x'.repeat(2001)) ?? '', /2000/);
  });
});
