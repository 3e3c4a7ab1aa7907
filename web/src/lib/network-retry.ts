// Retries a call while the network fails. The caller's closure holds the request, so every try
// sends the same idempotency key and the server can answer a repeat with its first result.
import { NetworkError } from './graphql/client';

export interface RetryOptions {
  /** Waits before each retry, in milliseconds; its length is the number of retries. */
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const ANSWER_RETRY_DELAYS_MS = [500, 1500, 3000] as const;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function retryOnNetworkError<T>(run: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? wait;
  for (const delay of options.delaysMs) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      await sleep(delay);
    }
  }
  return run();
}
