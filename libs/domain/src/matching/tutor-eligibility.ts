/**
 * Hard filters on who may be offered a help request (DESIGN.md §4 Help and matching). A tutor who fails any
 * of them is never offered the request, whatever the cost matrix says.
 */
import { mayTutorByBirthYear } from '../safety/age-bands';
import { isProficientOrBetter } from '../mastery/mastery-level';
import type { HelpRequestCandidate, TutorCandidate } from './match-candidates';
import { sharesLanguage } from './shared-language';

/** Why a tutor may not be offered a request; filters are checked in this order. */
export const INELIGIBILITY_REASONS = [
  'IS_LEARNER',
  'BLOCKED',
  'AGE_RULE',
  'OFFLINE',
  'BUSY',
  'NOT_PROFICIENT',
  'NO_SHARED_LANGUAGE',
  'ALREADY_DECLINED',
  'OFFER_CAP_REACHED',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export type TutorEligibility =
  { eligible: true; reason: null } | { eligible: false; reason: IneligibilityReason };

export interface EligibilityLimits {
  /** A tutor is online while their last heartbeat is at most this old (seconds). */
  heartbeatTimeoutSeconds: number;
  /** Most offers a tutor is sent in any rolling hour, so one tutor is not flooded (offers). */
  maxOffersPerHour: number;
}

/**
 * 45 s of heartbeat = three missed 15 s heartbeats; 10 offers an hour ≈ one every six minutes, in the spirit
 * of UPchieve skipping volunteers texted in the last five minutes (FIELD-NOTES).
 */
export const DEFAULT_ELIGIBILITY_LIMITS: EligibilityLimits = Object.freeze({
  heartbeatTimeoutSeconds: 45,
  maxOffersPerHour: 10,
});

const HOUR_MS = 3_600_000;

export interface TutorEligibilityOptions {
  now: Date;
  limits?: EligibilityLimits;
}

/** Offers sent to `tutor` in the hour up to `now` (an offer exactly one hour old no longer counts). */
export function offersInLastHour(tutor: TutorCandidate, now: Date): number {
  const nowMs = now.getTime();
  // Offer times a little in the future (clock skew between instances) count too: the cap errs on the safe side.
  return tutor.recentOfferTimes.filter((t) => nowMs - t.getTime() < HOUR_MS).length;
}

/** Whether the tutor's last heartbeat is recent enough; a heartbeat slightly in the future counts. */
export function isTutorOnline(
  tutor: TutorCandidate,
  { now, limits = DEFAULT_ELIGIBILITY_LIMITS }: TutorEligibilityOptions,
): boolean {
  return now.getTime() - tutor.lastHeartbeatAt.getTime() <= limits.heartbeatTimeoutSeconds * 1000;
}

/**
 * Whether `tutor` may be offered `request` at `now`, and if not, the first filter that failed.
 * The age rule is {@link mayTutorByBirthYear}: allowed only for every age the two can have.
 */
export function tutorEligibility(
  request: HelpRequestCandidate,
  tutor: TutorCandidate,
  options: TutorEligibilityOptions,
): TutorEligibility {
  const reason = firstFailingFilter(request, tutor, options);
  return reason === null ? { eligible: true, reason: null } : { eligible: false, reason };
}

function firstFailingFilter(
  request: HelpRequestCandidate,
  tutor: TutorCandidate,
  options: TutorEligibilityOptions,
): IneligibilityReason | null {
  const { now, limits = DEFAULT_ELIGIBILITY_LIMITS } = options;
  if (tutor.tutorId === request.learnerId) return 'IS_LEARNER';
  if (tutor.blockedUserIds.includes(request.learnerId) || request.blockedUserIds.includes(tutor.tutorId)) {
    return 'BLOCKED';
  }
  if (!passesAgeRule(request, tutor, now)) return 'AGE_RULE';
  if (!isTutorOnline(tutor, { now, limits })) return 'OFFLINE';
  if (tutor.inLiveSession) return 'BUSY';
  const skill = Object.hasOwn(tutor.skills, request.skillId) ? tutor.skills[request.skillId] : undefined;
  if (!skill || !isProficientOrBetter(skill.level)) return 'NOT_PROFICIENT';
  if (!sharesLanguage(request.languages, tutor.languages)) return 'NO_SHARED_LANGUAGE';
  if (request.declinedTutorIds.includes(tutor.tutorId)) return 'ALREADY_DECLINED';
  if (offersInLastHour(tutor, now) >= limits.maxOffersPerHour) return 'OFFER_CAP_REACHED';
  return null;
}

/** {@link mayTutorByBirthYear}, failing closed: a malformed birth year never lets a pairing through. */
function passesAgeRule(request: HelpRequestCandidate, tutor: TutorCandidate, now: Date): boolean {
  try {
    return mayTutorByBirthYear({
      tutor: { birthYear: tutor.birthYear, vetted: tutor.vetted, verifiedCoach: tutor.verifiedCoach },
      learner: { birthYear: request.learnerBirthYear },
      now,
    });
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
