import { requireSession } from '$lib/route-guards';

export function load({ url }) {
  requireSession(url);
}
