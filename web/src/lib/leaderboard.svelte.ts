// The leaderboard page's choices (whose board, which period) and the board for them.
import { LEADERBOARD, MY_CLASSROOMS, type LeaderboardPeriod, type LeaderboardQuery, type LeaderboardScope } from './graphql/generated';
import { RemoteData } from './remote-data.svelte';
import { session } from './session.svelte';

export const TOP_N = 20;

export class LeaderboardView {
  scope = $state<LeaderboardScope>('GLOBAL');
  period = $state<LeaderboardPeriod>('WEEK');
  classroomId = $state<string | null>(null);

  classes = new RemoteData(async () => (await session.request(MY_CLASSROOMS, {})).myClassrooms);
  board = new RemoteData<LeaderboardQuery['leaderboard']>(async () => {
    const classroomId = this.scope === 'CLASSROOM' ? this.classroomId : null;
    return (await session.request(LEADERBOARD, { scope: this.scope, period: this.period, first: TOP_N, classroomId })).leaderboard;
  });

  async start(): Promise<void> {
    await Promise.all([this.board.load(), this.loadClasses()]);
  }

  private async loadClasses(): Promise<void> {
    await this.classes.load();
    this.classroomId = this.classes.data?.[0]?.id ?? null;
  }

  choose(change: { scope?: LeaderboardScope; period?: LeaderboardPeriod; classroomId?: string }): void {
    if (change.scope) this.scope = change.scope;
    if (change.period) this.period = change.period;
    if (change.classroomId) this.classroomId = change.classroomId;
    void this.board.load({ quiet: true });
  }
}
