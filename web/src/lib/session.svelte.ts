// Who is logged in. The token lives in localStorage so a reload keeps you logged in; the user is
// re-read from `me` on start-up so handle and points are never stale.
import { browser } from '$app/environment';
import { execute, GraphQLRequestError, type Operation } from './graphql/client';
import { ME, type AuthPayload, type User } from './graphql/auth';

const TOKEN_KEY = 'peerlift.token';

function readToken(): string | null {
  if (!browser) return null;
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled (private mode, policy): behave as logged out
  }
}

function writeToken(token: string | null): void {
  if (!browser) return;
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // The session still works for this tab.
  }
}

/** Why the last session ended: the learner chose to, or the server stopped accepting the token. */
export type EndReason = 'logout' | 'expired';

class Session {
  token = $state<string | null>(readToken());
  user = $state<User | null>(null);
  endReason = $state<EndReason | null>(null);

  get isLoggedIn(): boolean {
    return this.token !== null;
  }

  constructor() {
    if (browser) {
      // Logging in or out in another tab applies here too.
      window.addEventListener('storage', (event) => {
        if (event.key !== TOKEN_KEY || event.newValue === this.token) return;
        this.token = event.newValue;
        this.endReason = event.newValue ? null : 'logout';
        this.user = null;
        if (this.token) void this.refresh();
      });
    }
  }

  start(payload: AuthPayload): void {
    writeToken(payload.token);
    this.token = payload.token;
    this.user = payload.user;
    this.endReason = null;
  }

  end(reason: EndReason = 'logout'): void {
    writeToken(null);
    this.token = null;
    this.user = null;
    this.endReason = reason;
  }

  setTotalPoints(totalPoints: number): void {
    if (this.user) this.user.totalPoints = totalPoints;
  }

  /** Re-reads the user; a rejected token ends the session. Network trouble keeps it. */
  async refresh(): Promise<void> {
    if (!this.token) return;
    try {
      const { me } = await this.request(ME, {});
      if (me) this.user = me;
      else this.end('expired');
    } catch {
      // Offline: keep the token, the header just shows no handle yet.
    }
  }

  /** Runs an operation as the current user. UNAUTHENTICATED (expired or revoked token) logs out. */
  async request<TData, TVariables>(op: Operation<TData, TVariables>, variables: TVariables): Promise<TData> {
    const token = this.token;
    try {
      return await execute(op, variables, { token });
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED' && token === this.token) {
        this.end('expired');
      }
      throw error;
    }
  }
}

export const session = new Session();
