// A learner's side of peer tutoring, for the whole app: my help request, my availability as a tutor and
// the offer I am being asked to take. One `tutoringEvents` subscription serves every page; its events only
// say "refetch", so state always comes from the api (a missed event costs nothing after a reconnect, and
// a poll while waiting keeps the position in line fresh).
import { goto } from '$app/navigation';
import {
  ACCEPT_OFFER,
  CANCEL_HELP_REQUEST,
  DECLINE_OFFER,
  HEARTBEAT,
  MY_AVAILABILITY,
  MY_HELP_REQUEST,
  MY_OFFER,
  REQUEST_HELP,
  SET_AVAILABILITY,
  TUTORING_EVENTS,
  type MyAvailabilityQuery,
  type MyHelpRequestQuery,
  type MyOfferQuery,
  type TutoringEventsSubscription,
} from '../graphql/generated';
import { errorMessage } from '../graphql/client';
import { realtime } from '../realtime.svelte';
import { session } from '../session.svelte';
import { toasts } from '../toasts.svelte';
import { isWaiting } from './help-display';

export type HelpRequest = NonNullable<MyHelpRequestQuery['myHelpRequest']>;
export type Availability = MyAvailabilityQuery['myAvailability'];
export type Offer = NonNullable<MyOfferQuery['myOffer']>;
export type TutoringEvent = TutoringEventsSubscription['tutoringEvents'];

const WAITING_POLL_MS = 5000;

type ProblemArea = 'request' | 'availability' | 'offer';
/** Told the id of a session that changed, or null when anything may have changed (after a reconnect). */
export type SessionListener = (sessionId: string | null) => void;

class Tutoring {
  request = $state.raw<HelpRequest | null>(null);
  availability = $state.raw<Availability | null>(null);
  offer = $state.raw<Offer | null>(null);
  busy = $state(false);
  /** The last failure of each part of the screen, shown beside it. */
  problems = $state<Record<ProblemArea, string | null>>({ request: null, availability: null, offer: null });

  private sessionListeners = new Set<SessionListener>();
  private stopEvents: (() => void) | null = null;
  private timers: Array<ReturnType<typeof setInterval>> = [];
  /** The session we already sent the learner to, so a refetch does not navigate twice. */
  private announcedSession: string | null = null;

  /** Starts listening for the logged-in learner; returns the clean-up. */
  start(): () => void {
    this.stopEvents = realtime.subscribe(TUTORING_EVENTS, {}, {
      next: ({ tutoringEvents }) => this.onEvent(tutoringEvents),
      resync: () => void this.refreshAll(),
    });
    void this.refreshAll();
    this.timers.push(setInterval(() => this.tick(), WAITING_POLL_MS));
    return () => this.stop();
  }

  stop(): void {
    this.stopEvents?.();
    this.stopEvents = null;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.request = null;
    this.availability = null;
    this.offer = null;
    this.announcedSession = null;
  }

  /** The session page listens for its MESSAGE and SESSION_ENDED events here. */
  onSessionEvent(listener: SessionListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  async refreshAll(): Promise<void> {
    await Promise.all([this.refreshRequest(), this.refreshAvailability(), this.refreshOffer()]);
    for (const listener of this.sessionListeners) listener(null);
  }

  async refreshRequest(): Promise<void> {
    const { myHelpRequest } = await session.request(MY_HELP_REQUEST, {}).catch(() => ({ myHelpRequest: this.request }));
    this.request = myHelpRequest;
    if (myHelpRequest?.state === 'MATCHED' && myHelpRequest.session) this.announceSession(myHelpRequest.session.id);
  }

  async refreshOffer(): Promise<void> {
    const { myOffer } = await session.request(MY_OFFER, {}).catch(() => ({ myOffer: this.offer }));
    this.offer = myOffer;
  }

  private async refreshAvailability(): Promise<void> {
    const { myAvailability } = await session.request(MY_AVAILABILITY, {}).catch(() => ({ myAvailability: this.availability }));
    this.availability = myAvailability;
  }

  private onEvent(event: TutoringEvent): void {
    if (event.type === 'OFFER' || event.type === 'OFFER_WITHDRAWN') void this.refreshOffer();
    if (event.type === 'MATCHED' || event.type === 'REQUEST_EXPIRED' || event.type === 'SESSION_ENDED') void this.refreshRequest();
    if (event.type === 'MESSAGE' || event.type === 'SESSION_ENDED') {
      for (const listener of this.sessionListeners) listener(event.sessionId);
    }
  }

  /** Every few seconds: the place in line while waiting; a heartbeat if the live connection is down. */
  private tick(): void {
    if (this.request && isWaiting(this.request.state)) void this.refreshRequest();
    if (this.availability?.available && realtime.status !== 'live') {
      session.request(HEARTBEAT, {}).then(({ heartbeat }) => (this.availability = heartbeat), () => undefined);
    }
  }

  private announceSession(sessionId: string): void {
    if (this.announcedSession === sessionId) return;
    this.announcedSession = sessionId;
    toasts.show({ icon: 'users', title: 'A tutor is here to help!', body: 'Opening your session…' }, 5000);
    void goto(`/sessions/${sessionId}`);
  }

  async ask(skillSlug: string, note: string): Promise<boolean> {
    return this.run('request', async () => {
      const trimmed = note.trim();
      this.request = (await session.request(REQUEST_HELP, { skillSlug, note: trimmed || null })).requestHelp;
    });
  }

  async cancel(): Promise<boolean> {
    return this.run('request', async () => {
      this.request = (await session.request(CANCEL_HELP_REQUEST, {})).cancelHelpRequest;
    });
  }

  async setAvailable(available: boolean): Promise<boolean> {
    return this.run('availability', async () => {
      this.availability = (await session.request(SET_AVAILABILITY, { available })).setAvailability;
    });
  }

  async accept(offer: Offer): Promise<void> {
    const ok = await this.run('offer', async () => {
      const { acceptOffer } = await session.request(ACCEPT_OFFER, { offerId: offer.id });
      this.offer = null;
      this.announcedSession = acceptOffer.id;
      await goto(`/sessions/${acceptOffer.id}`);
    });
    // Accepting too late (expired, withdrawn) leaves nothing to show but the message.
    if (!ok) void this.refreshOffer();
  }

  async decline(offer: Offer): Promise<void> {
    await this.run('offer', async () => {
      await session.request(DECLINE_OFFER, { offerId: offer.id });
      this.offer = null;
    });
  }

  /** The offer ran out on screen: drop it and ask the api what is true now. */
  expired(offer: Offer): void {
    if (this.offer?.id === offer.id) this.offer = null;
    void this.refreshOffer();
  }

  private async run(area: ProblemArea, action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.problems[area] = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.problems[area] = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

export const tutoring = new Tutoring();
