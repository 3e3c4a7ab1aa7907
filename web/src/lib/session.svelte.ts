// Who is logged in. The token lives in localStorage so a reload keeps you logged in; the user is
// re-read from `me` on start-up so handle and points are never stale.
import { browser } from '$app/environment';
import { execute, GraphQLRequestError, type Operation } from './graphql/client';
import { ME, type AuthPayload, type Role, type User } from './graphql/auth';

const TOKEN_KEY = 'peerlift.token';
// The role is kept beside the token so a reload can send a coach to their classes before `me` answers.
// It only picks a landing page; the server decides what each role may see.
const ROLE_KEY = 'peerlift.role';

function read(key: string): string | null {
  if (!browser) return null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy): behave as logged out
  }
}

function write(key: string, value: string | null): void {
  if (!browser) return;
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // The session still works for this tab.
  }
}

/** Why the last session ended: the learner chose to, or the server stopped accepting the token. */
export type EndReason = 'logout' | 'expired';

class Session {
  token = $state<string | null>(read(TOKEN_KEY));
  user = $state<User | null>(null);
  endReason = $state<EndReason | null>(null);
  private storedRole = $state<Role | null>(read(ROLE_KEY) as Role | null);

  get isLoggedIn(): boolean {
    return this.token !== null;
  }

  /** The user's role, known from the last log-in until `me` answers. */
  get role(): Role | undefined {
    return this.user?.role ?? this.storedRole ?? undefined;
  }

  constructor() {
    if (browser) {
      // Logging in or out in another tab applies here too.
      window.addEventListener('storage', (event) => {
        if (event.key !== TOKEN_KEY || event.newValue === this.token) return;
        this.token = event.newValue;
        this.endReason = event.newValue ? null : 'logout';
        this.user = null;
        this.storedRole = read(ROLE_KEY) as Role | null;
        if (this.token) void this.refresh();
      });
    }
  }

  start(payload: AuthPayload): void {
    write(TOKEN_KEY, payload.token);
    write(ROLE_KEY, payload.user.role);
    this.token = payload.token;
    this.user = payload.user;
    this.storedRole = payload.user.role;
    this.endReason = null;
    void this.refresh(); // the streak is only on `me`
  }

  end(reason: EndReason = 'logout'): void {
    write(TOKEN_KEY, null);
    write(ROLE_KEY, null);
    this.token = null;
    this.user = null;
    this.storedRole = null;
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
      if (me) {
        this.user = me;
        this.storedRole = me.role;
        write(ROLE_KEY, me.role);
      } else this.end('expired');
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
