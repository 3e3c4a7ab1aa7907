import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'graphql-ws';
import { wsClient } from '../support/graphql-ws-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';
import { OPS, SKILL, eventually, ok, person, type Person } from './tutoring-fixtures';

interface TutoringEvent {
  type: string;
  requestId: string | null;
  offerId: string | null;
  sessionId: string | null;
}

/** A tutoringEvents subscription that records every event it receives. */
function listen(client: Client) {
  const events: TutoringEvent[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ tutoringEvents: TutoringEvent }>(
    { query: OPS.events },
    {
      next: (v) => (v.errors ? errors.push(v.errors) : events.push(v.data!.tutoringEvents)),
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  const next = (type: string, after = 0) =>
    eventually(() => {
      if (errors.length) throw new Error(JSON.stringify(errors));
      return Promise.resolve(events.slice(after).find((e) => e.type === type));
    }, `a ${type} event`);
  return { events, next, stop };
}

/**
 * Two api processes' worth of instances (same database, same Redis prefix) and a real worker: events raised
 * on one instance or in the worker reach a WebSocket held by the other, through Redis pub/sub.
 */
describe('live tutoring events across api instances', () => {
  let a: TestApi;
  let b: TestApi;
  let worker: INestApplicationContext;
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await startTestApi({ TUTOR_HEARTBEAT_TIMEOUT_SECONDS: '6' });
    b = await startTestApi({
      DATABASE_URL: a.config.DATABASE_URL,
      REDIS_PREFIX: a.config.REDIS_PREFIX,
      TUTOR_HEARTBEAT_TIMEOUT_SECONDS: '6',
    });
    worker = await startTestWorker(a, { TUTOR_HEARTBEAT_TIMEOUT_SECONDS: '6', WORKER_CONCURRENCY: '4' });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await worker.close();
    await b.close();
    await a.close();
  });

  const connect = (api: TestApi, who: Person) => {
    const client = wsClient(api.url, who.token);
    clients.push(client);
    return client;
  };

  it('carries OFFER, MATCHED, MESSAGE and SESSION_ENDED between instances, and a dropped socket loses nothing', async () => {
    const tutor = await person(a, { proficientIn: [SKILL] });
    const learner = await person(a);
    const tutorEvents = listen(connect(b, tutor));
    const learnerSocket = connect(a, learner);
    const learnerEvents = listen(learnerSocket);
    await new Promise((r) => setTimeout(r, 300)); // let both subscriptions register

    ok(await a.gql(OPS.setAvailability, { a: true }, tutor.token));
    const { id: requestId } = ok(
      await b.gql<{ requestHelp: { id: string } }>(OPS.requestHelp, { s: SKILL }, learner.token),
    ).requestHelp;

    const offerEvent = await tutorEvents.next('OFFER');
    expect(offerEvent).toMatchObject({ requestId, sessionId: null });
    const offer = ok(await a.gql<{ myOffer: { id: string } }>(OPS.myOffer, {}, tutor.token)).myOffer;
    expect(offer.id).toBe(offerEvent.offerId);

    const { id: sessionId } = ok(
      await a.gql<{ acceptOffer: { id: string } }>(OPS.accept, { o: offer.id }, tutor.token),
    ).acceptOffer;
    expect(await learnerEvents.next('MATCHED')).toMatchObject({ requestId, offerId: offer.id, sessionId });
    expect(await tutorEvents.next('MATCHED')).toMatchObject({ sessionId });

    ok(await b.gql(OPS.send, { s: sessionId, t: 'hi, I am stuck' }, learner.token));
    expect(await tutorEvents.next('MESSAGE')).toMatchObject({ sessionId });

    // The learner's socket drops; a message sent meanwhile is there when they refetch.
    await learnerSocket.dispose();
    ok(await a.gql(OPS.send, { s: sessionId, t: 'no problem, look at the tens' }, tutor.token));
    const refetched = ok(
      await b.gql<{ tutoringSession: { messages: { text: string }[] } }>(
        OPS.session,
        { id: sessionId },
        learner.token,
      ),
    );
    expect(refetched.tutoringSession.messages.map((m) => m.text)).toEqual([
      'hi, I am stuck',
      'no problem, look at the tens',
    ]);

    const learnerAgain = listen(connect(b, learner));
    await new Promise((r) => setTimeout(r, 300));
    ok(await a.gql(OPS.end, { s: sessionId }, tutor.token));
    expect(await learnerAgain.next('SESSION_ENDED')).toMatchObject({ sessionId, requestId });
    expect(await tutorEvents.next('SESSION_ENDED')).toMatchObject({ sessionId });
  });

  it('refuses a subscription without a valid token', async () => {
    const anonymous = wsClient(a.url, 'not-a-token');
    clients.push(anonymous);
    const error = await new Promise<unknown>((resolve) => {
      anonymous.subscribe(
        { query: OPS.events },
        { next: (v) => resolve(v.errors), error: resolve, complete: () => resolve(null) },
      );
    });
    expect(JSON.stringify(error)).toContain('UNAUTHENTICATED');
  });

  it('keeps a tutor present while their tutoringEvents subscription is open, and not after it closes', async () => {
    const tutor = await person(a, { proficientIn: [SKILL] });
    const socket = connect(b, tutor);
    listen(socket);
    ok(await a.gql(OPS.setAvailability, { a: true }, tutor.token));
    // Longer than the 6 s timeout without any heartbeat mutation: the open subscription renewed it.
    await new Promise((r) => setTimeout(r, 8_000));
    expect(
      ok(await a.gql<{ myAvailability: { available: boolean } }>(OPS.myAvailability, {}, tutor.token))
        .myAvailability.available,
    ).toBe(true);
    await socket.dispose();
    await eventually(
      async () =>
        !ok(await a.gql<{ myAvailability: { available: boolean } }>(OPS.myAvailability, {}, tutor.token))
          .myAvailability.available,
      'the tutor to be swept as silent',
    );
  }, 40_000);
});
