// Which pages need a session and where to send people otherwise. Called from +page.ts/+layout.ts loads.
import { redirect } from '@sveltejs/kit';
import { afterLogin, loginHref } from './navigation';
import { session } from './session.svelte';

/** Pages for logged-in people: without a session, go to log in and come back afterwards. */
export function requireSession(url: URL): void {
  if (!session.isLoggedIn) redirect(307, loginHref(url));
}

/** The landing, log-in and sign-up pages: someone already logged in goes straight on. */
export function skipIfLoggedIn(url: URL): void {
  if (session.isLoggedIn) redirect(307, afterLogin(url.searchParams.get('next'), session.role ?? 'LEARNER'));
}

/**
 * Where a protected page goes when its session ends while it is open: nowhere after "Log out"
 * (the header navigates home), back through log-in after an expired token.
 */
export function afterSessionEnded(url: URL): string | null {
  return session.endReason === 'expired' ? loginHref(url) : null;
}
