/**
 * The cost of offering a help request to a tutor: lower is better (DESIGN.md §4 Help and matching).
 *
 * cost = Σ weight_k × term_k − waitingPerSecond × min(waited, maxWaitingSeconds)
 *
 * Every term is a number in [0, 1] where 0 is the best case, so each weight reads as "the most this concern
 * can add, in cost points". The waiting credit is the same for every tutor in a request's row: it does not
 * change which tutor a request gets, only which requests win when tutors are scarce, so a request that has
 * waited long beats newer ones to a contested tutor and nothing starves.
 */
import type { HelpRequestCandidate, TutorCandidate, TutorSkill } from './match-candidates';
import { primaryLanguage } from './shared-language';
import { isLateNight, tutorLocalHour } from './tutor-local-hour';

export interface MatchingWeights {
  /** Most points for skill fit: a PROFICIENT tutor with P(known) 0 vs a MASTERED one with P(known) 1. */
  skillFit: number;
  /** Most points for language: the tutor does not have the learner's preferred language at all. */
  language: number;
  /** Points when it is late night (22:00–07:00) on the tutor's clock. */
  lateNight: number;
  /** Most points for how many sessions the tutor has had today. */
  load: number;
  /** Most points for a tutor who was just sent an offer (spreads offers across tutors). */
  fairness: number;
  /** Most points for a one-star average rating. */
  rating: number;
  /** Most points for a tutor who declines or lets every offer time out. */
  reliability: number;
  /** Points subtracted per second the request has waited (points/s). */
  waitingPerSecond: number;
  /** Waiting longer than this earns no more credit (s); UPchieve ends unmatched requests after 45 min. */
  maxWaitingSeconds: number;
}

/**
 * Weights sum to 125 points over the tutor-dependent terms. Skill fit and reliability (a declined or
 * timed-out offer costs the learner a whole offer TTL) weigh most; the late-night penalty and fairness are
 * tie-breakers that still beat small rating differences. Waiting earns 0.5 points/s, so a request that has
 * waited about four minutes longer than another outweighs every quality difference for a contested tutor.
 */
export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = Object.freeze({
  skillFit: 30,
  language: 15,
  lateNight: 15,
  load: 10,
  fairness: 15,
  rating: 15,
  reliability: 25,
  waitingPerSecond: 0.5,
  maxWaitingSeconds: 45 * 60,
});

/** A rating prior: every tutor starts as if they had 5 ratings averaging 4 stars (a Bayesian average). */
export const RATING_PRIOR = Object.freeze({ meanStars: 4, weight: 5 });
/** Sessions today at which the load term reaches one half (term = n / (n + half)). */
export const LOAD_HALF_SESSIONS = 3;
/** Time constant of the fairness term (s): an offer 5 minutes ago still weighs e^−1 ≈ 0.37. */
export const FAIRNESS_TIME_CONSTANT_SECONDS = 300;
/** Reliability prior: 4 pseudo-offers with a quarter of the worst badness, so one decline is not damning. */
export const RELIABILITY_PRIOR = Object.freeze({ offers: 4, badness: 0.25 });

/** Clamps to [0, 1]; NaN (missing or corrupt data) counts as the worst case, 1. */
function unit(x: number): number {
  return Number.isNaN(x) ? 1 : Math.min(1, Math.max(0, x));
}

/** MASTERED counts half as much as PROFICIENT; the rest comes from P(known). Not proficient at all: 1. */
export function skillFitTerm(skill: TutorSkill | undefined): number {
  if (!skill || (skill.level !== 'MASTERED' && skill.level !== 'PROFICIENT')) return 1;
  return unit((skill.level === 'MASTERED' ? 0 : 0.5) + 0.5 * unit(1 - skill.pKnown));
}

/** 0 when both prefer the same language, 0.5 when the tutor has the learner's preferred one further down, else 1. */
export function languageTerm(learnerLanguages: readonly string[], tutorLanguages: readonly string[]): number {
  if (learnerLanguages.length === 0 || tutorLanguages.length === 0) return 1;
  const preferred = primaryLanguage(learnerLanguages[0]);
  if (primaryLanguage(tutorLanguages[0]) === preferred) return 0;
  return tutorLanguages.some((tag) => primaryLanguage(tag) === preferred) ? 0.5 : 1;
}

/** 1 late at night on the tutor's clock, 0 otherwise, 0.5 when the time zone is unknown. */
export function lateNightTerm(timeZone: string, now: Date): number {
  const hour = tutorLocalHour(timeZone, now);
  if (hour === null) return 0.5;
  return isLateNight(hour) ? 1 : 0;
}

/** n / (n + 3) for n sessions today: 0 when fresh, ½ after three, approaching 1. */
export function loadTerm(sessionsToday: number): number {
  const n = Math.max(0, sessionsToday);
  return unit(n / (n + LOAD_HALF_SESSIONS));
}

/** e^(−t/300 s) for the time t since the latest offer to the tutor; 0 when never offered. */
export function fairnessTerm(recentOfferTimes: readonly Date[], now: Date): number {
  if (recentOfferTimes.length === 0) return 0;
  const latestMs = Math.max(...recentOfferTimes.map((t) => t.getTime()));
  const seconds = Math.max(0, (now.getTime() - latestMs) / 1000);
  return unit(Math.exp(-seconds / FAIRNESS_TIME_CONSTANT_SECONDS));
}

/** (5 − Bayesian average stars) / 4, with the prior {@link RATING_PRIOR}: 0 for five stars, 1 for one. */
export function ratingTerm(ratingCount: number, ratingStarsTotal: number): number {
  const count = Math.max(0, ratingCount);
  const average =
    (RATING_PRIOR.meanStars * RATING_PRIOR.weight + ratingStarsTotal) / (RATING_PRIOR.weight + count);
  return unit((5 - average) / 4);
}

/**
 * Share of wasted offers, a time-out counting double a decline (it holds the learner for the whole TTL):
 * (declines + 2 × time-outs + prior) / (2 × (received + prior offers)).
 */
export function reliabilityTerm(offers: TutorCandidate['offers']): number {
  const received = Math.max(0, offers.received);
  const timedOut = Math.min(received, Math.max(0, offers.timedOut));
  const declined = Math.max(0, received - Math.max(0, offers.accepted) - timedOut);
  const priorBadness = 2 * RELIABILITY_PRIOR.offers * RELIABILITY_PRIOR.badness;
  return unit((declined + 2 * timedOut + priorBadness) / (2 * (received + RELIABILITY_PRIOR.offers)));
}

/** Seconds the request has waited at `now` (0 when not yet created or when the date is invalid). */
export function waitingSeconds(request: HelpRequestCandidate, now: Date): number {
  const seconds = (now.getTime() - request.createdAt.getTime()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
}

export type MatchingCostTerms = Record<
  Exclude<keyof MatchingWeights, 'waitingPerSecond' | 'maxWaitingSeconds'>,
  number
>;

/** Each term of the cost, in [0, 1] (0 best), for explaining a match. */
export function matchingCostTerms(
  request: HelpRequestCandidate,
  tutor: TutorCandidate,
  now: Date,
): MatchingCostTerms {
  const skill = Object.hasOwn(tutor.skills, request.skillId) ? tutor.skills[request.skillId] : undefined;
  return {
    skillFit: skillFitTerm(skill),
    language: languageTerm(request.languages, tutor.languages),
    lateNight: lateNightTerm(tutor.timeZone, now),
    load: loadTerm(tutor.sessionsToday),
    fairness: fairnessTerm(tutor.recentOfferTimes, now),
    rating: ratingTerm(tutor.ratingCount, tutor.ratingStarsTotal),
    reliability: reliabilityTerm(tutor.offers),
  };
}

export interface MatchingCostOptions {
  now: Date;
  weights?: MatchingWeights;
}

/**
 * Cost (points; lower is better) of offering `request` to `tutor` at `now`. Finite for any candidate data
 * and finite weights; it may be negative once the waiting credit exceeds the tutor-dependent terms.
 * Eligibility is a separate, hard filter (`tutorEligibility`).
 */
export function matchingCost(
  request: HelpRequestCandidate,
  tutor: TutorCandidate,
  { now, weights = DEFAULT_MATCHING_WEIGHTS }: MatchingCostOptions,
): number {
  const terms = matchingCostTerms(request, tutor, now);
  let cost = 0;
  for (const key of Object.keys(terms) as (keyof MatchingCostTerms)[]) cost += weights[key] * terms[key];
  const waited = Math.min(waitingSeconds(request, now), Math.max(0, weights.maxWaitingSeconds));
  return cost - weights.waitingPerSecond * waited;
}
