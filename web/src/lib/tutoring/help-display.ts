// Help requests, offers and chats in words. Pure.
import type { HelpRequestState } from '../graphql/generated';

/** "about 2 minutes", "under 30 seconds", or null when nobody can estimate (no tutor online). */
export function waitText(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 30) return 'under 30 seconds';
  if (seconds < 90) return 'about a minute';
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} minutes`;
  return 'more than an hour';
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** A request the learner is still waiting on (so the page shows progress and "Cancel"). */
export function isWaiting(state: HelpRequestState): boolean {
  return state === 'WAITING' || state === 'OFFERED';
}

export function requestHeadline(state: HelpRequestState): string {
  switch (state) {
    case 'WAITING':
      return 'Looking for a tutor…';
    case 'OFFERED':
      return 'A tutor is looking at your question…';
    case 'MATCHED':
      return 'A tutor is ready to help!';
    case 'EXPIRED':
      return 'No tutor was free this time';
    case 'CANCELLED':
      return 'You cancelled your request';
    case 'CLOSED':
      return 'Your session has ended';
  }
}

/** Whole seconds left before `expiresAt`, never below 0. */
export function secondsLeft(expiresAt: string, nowMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - nowMs) / 1000));
}

export const NOTE_LIMIT = 500;
export const MESSAGE_LIMIT = 2000;

export function messageProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'Type a message first.';
  if (trimmed.length > MESSAGE_LIMIT) return `Keep messages under ${MESSAGE_LIMIT} characters (this one has ${trimmed.length}).`;
  return null;
}
