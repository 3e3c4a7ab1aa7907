// Live events over graphql-ws at /graphql, authenticated through connectionParams. One WebSocket per
// logged-in user, shared by every subscription on the page. Server events only say "something changed:
// refetch" (Redis pub/sub is at-most-once), so after a reconnect every subscriber refetches too — a dropped
// connection never loses state.
import { createClient, type Client } from 'graphql-ws/client';
import { browser } from '$app/environment';
import type { Operation } from './graphql/client';
import { session } from './session.svelte';

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers<TData> {
  next: (data: TData) => void;
  /** The connection came back: events may have been missed, so refetch what they would have told. */
  resync?: () => void;
  /** The server refused the subscription (not allowed, not found). */
  error?: (message: string) => void;
}

/** Waits before reconnecting: 1 s, 2 s, 4 s … up to 15 s, with jitter so a class of laptops does not stampede. */
export function reconnectDelayMs(retries: number, jitter: number): number {
  return Math.min(15_000, 1000 * 2 ** retries) * (0.75 + 0.5 * jitter);
}

/** A uniform number in [0, 1) for spreading reconnects; not a secret, but the app avoids Math.random. */
function jitter(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
}

function wsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

class Realtime {
  status = $state<LiveStatus>('idle');
  private client: Client | null = null;
  private token: string | null = null;
  private resyncs = new Set<() => void>();

  constructor() {
    // Logging out (or an expired token) closes the socket at once.
    $effect.root(() => {
      $effect(() => {
        if (!session.token) this.close();
      });
    });
  }

  private connect(token: string): Client {
    if (this.client && this.token === token) return this.client;
    this.close();
    this.token = token;
    this.status = 'connecting';
    const client = createClient({
      url: wsUrl(),
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      // Keep the socket a moment after the last subscription ends, so moving between pages reuses it.
      lazyCloseTimeout: 3000,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries, jitter()))),
      shouldRetry: () => true,
    });
    client.on('connected', (_socket, _payload, wasRetry) => {
      this.status = 'live';
      if (wasRetry) for (const resync of this.resyncs) resync();
    });
    client.on('closed', () => {
      if (this.client === client) this.status = this.resyncs.size > 0 ? 'reconnecting' : 'idle';
    });
    this.client = client;
    return client;
  }

  /** Subscribes as the current user; returns the unsubscribe function. Does nothing when logged out. */
  subscribe<TData, TVariables>(op: Operation<TData, TVariables>, variables: TVariables, handlers: LiveHandlers<TData>): () => void {
    const token = session.token;
    if (!browser || !token) return () => undefined;
    const client = this.connect(token);
    const resync = () => handlers.resync?.();
    this.resyncs.add(resync);
    const stop = client.subscribe<TData>(
      { query: op.document, operationName: op.operationName, variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) handlers.error?.(result.errors[0].message);
          else if (result.data) handlers.next(result.data);
        },
        error: (error) => handlers.error?.(Array.isArray(error) ? String(error[0]?.message ?? 'Live updates stopped.') : 'Live updates stopped.'),
        complete: () => undefined,
      },
    );
    return () => {
      this.resyncs.delete(resync);
      stop();
    };
  }

  /** Logging out closes the socket; the next subscription opens one with the new token. */
  close(): void {
    void this.client?.dispose();
    this.client = null;
    this.token = null;
    this.status = 'idle';
  }
}

export const realtime = new Realtime();
