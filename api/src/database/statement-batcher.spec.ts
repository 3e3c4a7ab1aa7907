import { StatementBatcher } from './statement-batcher';

/** A statement stand-in that records each batch and answers when told to. */
function recordingRun<I>(answer: (item: I) => string = (i) => `ok:${String(i)}`) {
  const batches: I[][] = [];
  const waiting: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  const run = async (items: readonly I[]) => {
    batches.push([...items]);
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise<void>((r) => waiting.push(r));
    running--;
    return items.map(answer);
  };
  const releaseAll = async () => {
    while (waiting.length) {
      waiting.splice(0).forEach((r) => r());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { run, batches, releaseAll, maxRunning: () => maxRunning };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('StatementBatcher', () => {
  it('sends a lone call at once, alone', async () => {
    const r = recordingRun<number>();
    const batcher = new StatementBatcher({ run: r.run, maxBatch: 10, maxInFlight: 2 });
    const out = batcher.submit(1);
    await turn();
    expect(r.batches).toEqual([[1]]);
    await r.releaseAll();
    await expect(out).resolves.toBe('ok:1');
  });

  it('groups calls made in one turn, and calls queued behind busy slots, answering each its own', async () => {
    const r = recordingRun<number>();
    const batcher = new StatementBatcher({ run: r.run, maxBatch: 10, maxInFlight: 1 });
    const first = [1, 2, 3].map((i) => batcher.submit(i));
    await turn();
    const queued = [4, 5].map((i) => batcher.submit(i));
    await turn();
    expect(r.batches).toEqual([[1, 2, 3]]); // the slot is busy: 4 and 5 wait
    await r.releaseAll();
    expect(r.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await Promise.all([...first, ...queued])).toEqual(['ok:1', 'ok:2', 'ok:3', 'ok:4', 'ok:5']);
  });

  it.each([
    { maxBatch: 2, calls: 5, sizes: [2, 2, 1] },
    { maxBatch: 4, calls: 5, sizes: [4, 1] },
    { maxBatch: 8, calls: 5, sizes: [5] },
  ])('never exceeds maxBatch $maxBatch ($calls calls)', async ({ maxBatch, calls, sizes }) => {
    const r = recordingRun<number>();
    const batcher = new StatementBatcher({ run: r.run, maxBatch, maxInFlight: 1 });
    const outs = Array.from({ length: calls }, (_, i) => batcher.submit(i));
    await turn();
    await r.releaseAll();
    await Promise.all(outs);
    expect(r.batches.map((b) => b.length)).toEqual(sizes);
  });

  it('runs at most maxInFlight batches at once', async () => {
    const r = recordingRun<number>();
    const batcher = new StatementBatcher({ run: r.run, maxBatch: 1, maxInFlight: 3 });
    const outs = Array.from({ length: 7 }, (_, i) => batcher.submit(i));
    await turn();
    expect(r.batches).toHaveLength(3);
    await r.releaseAll();
    await Promise.all(outs);
    expect(r.batches).toHaveLength(7);
    expect(r.maxRunning()).toBe(3);
  });

  it('never puts two calls with one key in a batch, nor runs them at once', async () => {
    const r = recordingRun<{ user: string; n: number }>((i) => `${i.user}${i.n}`);
    const batcher = new StatementBatcher({
      run: r.run,
      keyOf: (i) => i.user,
      maxBatch: 10,
      maxInFlight: 2,
    });
    const outs = [
      { user: 'a', n: 1 },
      { user: 'b', n: 1 },
      { user: 'a', n: 2 },
      { user: 'c', n: 1 },
      { user: 'a', n: 3 },
    ].map((i) => batcher.submit(i));
    await turn();
    // a2 and a3 wait even though a slot is free: a1 is running.
    expect(r.batches.map((b) => b.map((i) => `${i.user}${i.n}`))).toEqual([['a1', 'b1', 'c1']]);
    await r.releaseAll();
    expect(r.batches.map((b) => b.map((i) => `${i.user}${i.n}`))).toEqual([
      ['a1', 'b1', 'c1'],
      ['a2'],
      ['a3'],
    ]);
    expect(await Promise.all(outs)).toEqual(['a1', 'b1', 'a2', 'c1', 'a3']);
  });

  it('when a batch fails, runs its calls one by one so only the failing call gets the error', async () => {
    const seen: number[][] = [];
    const batcher = new StatementBatcher<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      run: (items) => {
        seen.push([...items]);
        return items.includes(3)
          ? Promise.reject(new Error('unique violation'))
          : Promise.resolve([...items]);
      },
    });
    const outs = [1, 2, 3, 4].map((i) => batcher.submit(i));
    const settled = await Promise.allSettled(outs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('unique violation'));
    expect(seen).toEqual([[1, 2, 3, 4], [1], [2], [3], [4]]);
  });

  it('gives a lone call its own error without running it twice', async () => {
    let runs = 0;
    const batcher = new StatementBatcher<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      run: () => {
        runs++;
        return Promise.reject(new Error('boom'));
      },
    });
    await expect(batcher.submit(1)).rejects.toThrow('boom');
    expect(runs).toBe(1);
  });
});
