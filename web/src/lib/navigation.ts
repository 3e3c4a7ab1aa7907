// Where the app's links go, and where people land after logging in. Pure; no Svelte imports.
import type { Role } from './graphql/auth';

export interface NavItem {
  href: string;
  label: string;
  /** Roles that see this item; omitted = everyone who is logged in. */
  roles?: readonly Role[];
}

const LEARNERS: readonly Role[] = ['LEARNER'];

/** The header navigation, per role. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/learn', label: 'Learn', roles: LEARNERS },
  { href: '/leaderboard', label: 'Leaderboard', roles: LEARNERS },
  { href: '/league', label: 'League', roles: LEARNERS },
  { href: '/tutor', label: 'Help others', roles: LEARNERS },
  { href: '/profile', label: 'Profile', roles: LEARNERS },
  { href: '/coach', label: 'Classes', roles: ['COACH'] },
  { href: '/experiments', label: 'Experiments', roles: ['EXPERIMENTER', 'ADMIN'] },
];

export function navItemsFor(role: Role | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)));
}

/** True when `href` is the current page or a page under it ("/learn" is current on "/learn/add-1"). */
export function isCurrent(href: string, pathname: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export const HOME_AFTER_LOGIN = '/learn';

/** Where each role starts: learners on the map, coaches on their classes, experimenters on experiments. */
export function homeFor(role: Role | undefined): string {
  if (role === 'COACH') return '/coach';
  if (role === 'EXPERIMENTER' || role === 'ADMIN') return '/experiments';
  return HOME_AFTER_LOGIN;
}

/** After logging in: the page asked for, else the role's home. */
export function afterLogin(next: string | null | undefined, role: Role): string {
  const target = safeNextPath(next);
  return next && target === next ? target : homeFor(role);
}

/**
 * The `next` query parameter, if it is a path on this site; otherwise the learner's home.
 * Rejects "//evil.example" and "/\evil.example", which browsers treat as other origins.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_AFTER_LOGIN;
  return next;
}

/** The log-in page, remembering where to come back to. */
export function loginHref(from: URL): string {
  const back = from.pathname + from.search;
  return back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`;
}

/** Keeps `next` when moving between the log-in and sign-up pages. */
export function withNext(path: '/login' | '/signup', next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}
