// One classroom's grid kept live: loaded once, then refetched whenever `classroomUpdates` says a student's
// mastery changed (and after a reconnect). Refetches never overlap: events arriving during a load
// trigger exactly one more load. Cells that changed glow for a few seconds.
import { CLASSROOM_GRID, CLASSROOM_UPDATES } from '../graphql/generated';
import { errorCode, errorMessage } from '../graphql/client';
import { realtime } from '../realtime.svelte';
import { session } from '../session.svelte';
import { buildClassGrid, changedCells, type Classroom } from './class-grid';

const HIGHLIGHT_MS = 4000;

export type GridLoad = { kind: 'loading' } | { kind: 'ready' } | { kind: 'missing' } | { kind: 'error'; message: string };

export class LiveClassGrid {
  load = $state.raw<GridLoad>({ kind: 'loading' });
  classroom = $state.raw<Classroom | null>(null);
  showAllSkills = $state(false);
  highlighted = $state.raw<Set<string>>(new Set());
  liveError = $state<string | null>(null);
  /** When the grid was last refreshed by a live event, for the "updated" note. */
  updatedAt = $state<Date | null>(null);

  grid = $derived(this.classroom ? buildClassGrid(this.classroom, { showAllSkills: this.showAllSkills }) : null);

  private loading = false;
  private again = false;
  private stopLive: (() => void) | null = null;
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(readonly id: string) {}

  /** Loads the grid and starts listening; returns the clean-up for the page's effect. */
  start(): () => void {
    void this.refetch();
    this.stopLive = realtime.subscribe(CLASSROOM_UPDATES, { id: this.id }, {
      next: () => {
        this.updatedAt = new Date();
        void this.refetch();
      },
      resync: () => void this.refetch(),
      error: (message) => (this.liveError = message),
    });
    return () => this.stop();
  }

  async refetch(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      do {
        this.again = false;
        await this.fetchOnce();
      } while (this.again);
    } finally {
      this.loading = false;
    }
  }

  private async fetchOnce(): Promise<void> {
    try {
      const { classroom } = await session.request(CLASSROOM_GRID, { id: this.id });
      this.highlight(changedCells(this.classroom, classroom));
      this.classroom = classroom;
      this.load = { kind: 'ready' };
    } catch (error) {
      // A failed refresh keeps the last good grid on screen.
      if (this.classroom) return;
      const code = errorCode(error);
      this.load = code === 'NOT_FOUND' || code === 'FORBIDDEN' ? { kind: 'missing' } : { kind: 'error', message: errorMessage(error) };
    }
  }

  private highlight(keys: Set<string>): void {
    if (keys.size === 0) return;
    this.highlighted = new Set([...this.highlighted, ...keys]);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.highlighted = new Set([...this.highlighted].filter((k) => !keys.has(k)));
    }, HIGHLIGHT_MS);
    this.timers.add(timer);
  }

  stop(): void {
    this.stopLive?.();
    this.stopLive = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
