import { skipIfLoggedIn } from '$lib/route-guards';

export function load({ url }) {
  skipIfLoggedIn(url);
}
