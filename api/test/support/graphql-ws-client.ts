import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client as a browser would open it, authenticated through connection params. */
export function wsClient(httpUrl: string, token?: string): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
}

/** Subscribes and resolves with the first `count` events (or rejects with the first error). */
export function collectEvents<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count = 1,
) {
  const events: T[] = [];
  let ready!: () => void;
  const subscribed = new Promise<void>((r) => (ready = r));
  const done = new Promise<T[]>((resolve, reject) => {
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
          events.push(value.data as T);
          if (events.length >= count) {
            unsubscribe();
            resolve(events);
          }
        },
        error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
        complete: () => resolve(events),
      },
    );
    // graphql-ws has no "subscribed" acknowledgement; give the server a moment to register the iterator.
    setTimeout(ready, 300);
  });
  return { subscribed, done };
}
