import type { Logger } from '@nestjs/common';

/**
 * Promises a processor lets run on after its job has ended (a tick's Postgres confirmation): their
 * failures are logged rather than left unhandled, and shutdown can wait for them.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  track(work: Promise<unknown>, what: string): void {
    const tracked = work.then(
      () => undefined,
      (e: unknown) => this.logger.warn(`${what} failed after its job ended: ${String(e)}`),
    );
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  /** Resolves once everything tracked so far has finished. */
  async drained(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
