// Wording under experiment, evaluated in the browser from the same GrowthBook payload the api serves and
// evaluates itself (GET /api/features/:clientKey; hashVersion 2, explicit seeds), with the official SDK.
// The SDK is loaded on demand so it never weighs on the first page. The api records the exposure when
// the wording is actually shown (`recordExposure`), de-duplicated per learner, experiment and phase.
import { RECORD_EXPOSURE } from '../graphql/generated';
import { session } from '../session.svelte';

const CLIENT_KEY: string = import.meta.env.VITE_GROWTHBOOK_CLIENT_KEY ?? 'sdk-peerlift';
const PAYLOAD_TTL_MS = 60_000;

/** What learners see when no experiment applies (or the payload cannot be loaded). */
export const WORDING_DEFAULTS = {
  'copy.stuckPrompt': 'Stuck? Ask for help.',
} as const;

export type WordingKey = keyof typeof WORDING_DEFAULTS;

export interface Wording {
  text: string;
  /** True when the learner is in a running experiment on this wording (so showing it is an exposure). */
  inExperiment: boolean;
}

export interface WordingAttributes {
  id: string;
  classroomId?: string;
}

let payload: { at: number; body: Promise<Record<string, unknown>> } | null = null;

function featuresPayload(): Promise<Record<string, unknown>> {
  if (!payload || Date.now() - payload.at > PAYLOAD_TTL_MS) {
    const body = fetch(`/api/features/${encodeURIComponent(CLIENT_KEY)}`).then((r) => {
      if (!r.ok) throw new Error(`features payload: HTTP ${r.status}`);
      return r.json() as Promise<Record<string, unknown>>;
    });
    payload = { at: Date.now(), body };
    body.catch(() => (payload = null));
  }
  return payload.body;
}

/** The wording for this learner; the default when anything goes wrong (wording must never block practice). */
export async function evaluateWording(key: WordingKey, attributes: WordingAttributes): Promise<Wording> {
  const fallback: Wording = { text: WORDING_DEFAULTS[key], inExperiment: false };
  try {
    const [{ GrowthBook }, body] = await Promise.all([import('@growthbook/growthbook'), featuresPayload()]);
    let inExperiment = false;
    const gb = new GrowthBook({
      attributes: { ...attributes },
      trackingCallback: () => {
        inExperiment = true;
      },
    });
    gb.initSync({ payload: body as Parameters<typeof gb.initSync>[0]['payload'] });
    const value = gb.getFeatureValue(key, WORDING_DEFAULTS[key] as string);
    gb.destroy();
    return typeof value === 'string' && value.trim() ? { text: value, inExperiment } : fallback;
  } catch {
    return fallback;
  }
}

const reported = new Set<string>();

/** Tells the api the learner saw this wording; once per page load and key. */
export function reportShown(key: WordingKey, wording: Wording): void {
  if (!wording.inExperiment || reported.has(key)) return;
  reported.add(key);
  session.request(RECORD_EXPOSURE, { parameter: key }).catch(() => reported.delete(key));
}
