// One tutoring session's page: the chat (refetched on each MESSAGE/SESSION_ENDED hint), sending, ending,
// rating, reporting and blocking.
import {
  BLOCK,
  END_SESSION,
  RATE_SESSION,
  REPORT,
  SEND_MESSAGE,
  TUTORING_SESSION,
  type ReportReason,
  type TutoringSessionQuery,
} from '../graphql/generated';
import { errorMessage } from '../graphql/client';
import { RemoteData } from '../remote-data.svelte';
import { session } from '../session.svelte';
import { messageProblem } from './help-display';
import { tutoring } from './tutoring.svelte';

export type ChatSession = TutoringSessionQuery['tutoringSession'];
export type ChatMessage = ChatSession['messages'][number];

type Area = 'send' | 'end' | 'rate' | 'safety';

export class ChatSessionView {
  chat: RemoteData<ChatSession>;
  draft = $state('');
  busy = $state<Area | null>(null);
  problems = $state<Record<Area, string | null>>({ send: null, end: null, rate: null, safety: null });
  /** Set after report/block so the page can confirm it. */
  safetyDone = $state<'reported' | 'blocked' | null>(null);

  constructor(readonly id: string) {
    this.chat = new RemoteData(async () => (await session.request(TUTORING_SESSION, { id })).tutoringSession);
  }

  start(): () => void {
    void this.chat.load();
    return tutoring.onSessionEvent((sessionId) => {
      if (sessionId === null || sessionId === this.id) void this.chat.load({ quiet: true });
    });
  }

  /** The other person's handle, from my side of the session. */
  other(chat: ChatSession): string {
    return chat.myRole === 'TUTOR' ? chat.learner.handle : chat.tutor.handle;
  }

  async send(): Promise<void> {
    const problem = messageProblem(this.draft);
    if (problem) {
      this.problems.send = problem;
      return;
    }
    const text = this.draft.trim();
    const ok = await this.run('send', async () => {
      const { sendMessage } = await session.request(SEND_MESSAGE, { sessionId: this.id, text });
      this.draft = '';
      const chat = this.chat.data;
      if (chat && !chat.messages.some((m) => m.id === sendMessage.id)) this.chat.set({ ...chat, messages: [...chat.messages, sendMessage] });
    });
    if (!ok) this.draft = text;
  }

  async end(): Promise<void> {
    await this.run('end', async () => this.chat.set((await session.request(END_SESSION, { sessionId: this.id })).endSession));
  }

  async rate(stars: number, helpful: boolean): Promise<void> {
    await this.run('rate', async () => {
      await session.request(RATE_SESSION, { sessionId: this.id, stars, helpful });
      const chat = this.chat.data;
      if (chat) this.chat.set({ ...chat, rating: { stars, helpful } });
    });
  }

  async report(reason: ReportReason, details: string): Promise<void> {
    await this.run('safety', async () => {
      await session.request(REPORT, { input: { sessionId: this.id, reason, details: details.trim() || null } });
      this.safetyDone = 'reported';
    });
  }

  async block(): Promise<void> {
    await this.run('safety', async () => {
      await session.request(BLOCK, { input: { sessionId: this.id } });
      this.safetyDone = 'blocked';
      await this.chat.load({ quiet: true });
    });
  }

  private async run(area: Area, action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = area;
    this.problems[area] = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.problems[area] = errorMessage(error);
      return false;
    } finally {
      this.busy = null;
    }
  }
}
