import { GrowthBookClient, type TrackingCallbackWithUser } from '@growthbook/growthbook';
import type { ExperimentState } from '../experiment-definition';
import type { FeaturesPayload } from './compile-features-payload';

/**
 * Test support for the payload specs: a real GrowthBookClient (SDK 1.8) loaded with a compiled
 * payload, recording every exposure its tracking callback reports. Not a spec itself.
 */

export interface Exposure {
  experimentKey: string;
  variationKey: string;
  id: unknown;
}

/** Loads `payload` into a real GrowthBookClient and records every exposure the SDK tracks. */
export function loadClient(payload: FeaturesPayload): { client: GrowthBookClient; exposures: Exposure[] } {
  const exposures: Exposure[] = [];
  const trackingCallback: TrackingCallbackWithUser = (experiment, result, user) => {
    exposures.push({ experimentKey: experiment.key, variationKey: result.key, id: user.attributes?.id });
  };
  const client = new GrowthBookClient({ trackingCallback }).initSync({ payload });
  return { client, exposures };
}

/** The value one unit with `attributes` gets for `feature`, from a fresh scoped instance. */
export function valueFor(
  client: GrowthBookClient,
  feature: string,
  attributes: Record<string, string>,
): unknown {
  return client.createScopedInstance({ attributes }).evalFeature(feature).value;
}

/** `count` deterministic ASCII ids shaped like the api's. */
export function learnerIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `0000${i.toString(16)}-learner`.slice(-14));
}

export const running = (key: string, phase = 1): ExperimentState => ({ key, status: 'running', phase });
