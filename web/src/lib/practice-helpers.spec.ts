import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answerInputMode, normaliseAnswer } from './answer-input';
import { newIdempotencyKey } from './idempotency-key';
import { lessonParagraphs, lessonVideo } from './lesson-content';
import { retryOnNetworkError } from './network-retry';
import { GraphQLRequestError, NetworkError } from './graphql/client';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('uses crypto.randomUUID when the context has it', () => {
    assert.equal(newIdempotencyKey({ randomUUID: () => 'from-randomUUID', getRandomValues: (a) => a }), 'from-randomUUID');
  });
  it('builds a v4 UUID from getRandomValues on plain http', () => {
    const key = newIdempotencyKey({ getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    assert.match(key, UUID_V4);
  });
  it('never repeats', () => assert.notEqual(newIdempotencyKey(), newIdempotencyKey()));
});

describe('retryOnNetworkError', () => {
  const noSleep = async () => {};
  it('retries network failures with the same request and returns the first success', async () => {
    const seen: string[] = [];
    let calls = 0;
    const result = await retryOnNetworkError(
      async () => {
        seen.push('key-1');
        if (++calls < 3) throw new NetworkError('offline');
        return 'ok';
      },
      { delaysMs: [1, 1, 1], sleep: noSleep },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(seen, ['key-1', 'key-1', 'key-1']);
  });
  it('gives up after the last retry', async () => {
    let calls = 0;
    await assert.rejects(
      retryOnNetworkError(async () => { calls++; throw new NetworkError('offline'); }, { delaysMs: [1, 1], sleep: noSleep }),
      NetworkError,
    );
    assert.equal(calls, 3);
  });
  it('does not retry an answer from the server', async () => {
    let calls = 0;
    const refusal = new GraphQLRequestError([{ message: 'Already answered', extensions: { code: 'ALREADY_ANSWERED' } }]);
    await assert.rejects(retryOnNetworkError(async () => { calls++; throw refusal; }, { delaysMs: [1], sleep: noSleep }), refusal);
    assert.equal(calls, 1);
  });
});

describe('answerInputMode', () => {
  const cases: Array<[string, string]> = [
    ['What is 7 + 5?', 'numeric'],
    ['12 × 4 = ?', 'numeric'],
    ['What is 3 − 8?', 'text'],
    ['Add 1/4 + 2/4', 'text'],
    ['Solve for x: 2x + 3 = 11', 'text'],
    ['What is 0.5 + 1.25?', 'decimal'],
  ];
  for (const [prompt, mode] of cases) it(`uses ${mode} for "${prompt}"`, () => assert.equal(answerInputMode(prompt), mode));
  it('trims answers', () => assert.equal(normaliseAnswer('  42 \n'), '42'));
});

describe('lesson content', () => {
  it('splits paragraphs and keeps line breaks', () => {
    assert.deepEqual(lessonParagraphs('One\ntwo\n\n\nThree\n'), [['One', 'two'], ['Three']]);
  });
  it('plays media files and links to player pages', () => {
    assert.deepEqual(lessonVideo('/media/a.mp4', 'https://p.example/'), { kind: 'file', url: 'https://p.example/media/a.mp4' });
    assert.deepEqual(lessonVideo('https://v.example/watch?v=1', 'https://p.example/'), { kind: 'link', url: 'https://v.example/watch?v=1' });
  });
  it('drops unsafe or missing URLs', () => {
    assert.equal(lessonVideo('javascript:alert(1)', 'https://p.example/'), null);
    assert.equal(lessonVideo(null, 'https://p.example/'), null);
  });
});
