// Loading, ready or failed: the three states every page that reads from the api shows. A refresh keeps
// the last good data on screen (no flash of "Loading…") and only reports an error when there is nothing
// to show.
import { errorCode, errorMessage } from './graphql/client';

export type Remote<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; data: T }
  | { kind: 'error'; message: string; code: string | undefined };

export class RemoteData<T> {
  current = $state.raw<Remote<T>>({ kind: 'loading' });
  private generation = 0;

  constructor(private readonly fetcher: () => Promise<T>) {}

  get data(): T | null {
    return this.current.kind === 'ready' ? this.current.data : null;
  }

  /** Fetches again; with `quiet`, the current data stays visible until the answer arrives. */
  async load(options: { quiet?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    if (!options.quiet || this.current.kind !== 'ready') this.current = { kind: 'loading' };
    try {
      const data = await this.fetcher();
      if (generation === this.generation) this.current = { kind: 'ready', data };
    } catch (error) {
      if (generation !== this.generation) return;
      if (options.quiet && this.current.kind === 'ready') return;
      this.current = { kind: 'error', message: errorMessage(error), code: errorCode(error) };
    }
  }

  /** Replaces the data after a mutation answered with the new state. */
  set(data: T): void {
    this.generation++;
    this.current = { kind: 'ready', data };
  }
}
