import fc from 'fast-check';
import { SPEC_NOW, makeRequest, makeTutor } from './candidates.factory';
import {
  DEFAULT_MATCHING_WEIGHTS,
  fairnessTerm,
  languageTerm,
  lateNightTerm,
  loadTerm,
  matchingCost,
  matchingCostTerms,
  ratingTerm,
  reliabilityTerm,
  skillFitTerm,
} from './matching-cost';
import type { TutorSkill } from './match-candidates';
import { tutorLocalHour } from './tutor-local-hour';

const now = SPEC_NOW; // 2026-06-15 15:00 UTC
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('cost terms', () => {
  it.each<[string, TutorSkill | undefined, number]>([
    ['MASTERED, P(known) 1', { level: 'MASTERED', pKnown: 1 }, 0],
    ['MASTERED, P(known) 0.8', { level: 'MASTERED', pKnown: 0.8 }, 0.1],
    ['PROFICIENT, P(known) 1', { level: 'PROFICIENT', pKnown: 1 }, 0.5],
    ['PROFICIENT, P(known) 0.8', { level: 'PROFICIENT', pKnown: 0.8 }, 0.6],
    ['PROFICIENT, P(known) NaN', { level: 'PROFICIENT', pKnown: Number.NaN }, 1],
    ['FAMILIAR', { level: 'FAMILIAR', pKnown: 0.99 }, 1],
    ['missing', undefined, 1],
  ])('skill fit: %s → %p', (_case, skill, term) => {
    expect(skillFitTerm(skill)).toBeCloseTo(term, 10);
  });

  it.each([
    [['en'], ['en-US', 'fr'], 0],
    [['pt-BR', 'en'], ['en', 'pt'], 0.5],
    [['pt', 'en'], ['en'], 1],
    [[], ['en'], 1],
  ])('language: learner %j, tutor %j → %p', (learner, tutor, term) => {
    expect(languageTerm(learner, tutor)).toBe(term);
  });

  it.each([
    ['UTC', '2026-06-15T15:00:00Z', 15, 0],
    ['Asia/Tokyo', '2026-06-15T15:00:00Z', 0, 1], // 00:00 JST
    ['America/New_York', '2026-06-15T02:30:00Z', 22, 1], // 22:30 EDT
    ['America/New_York', '2026-06-15T01:59:00Z', 21, 0], // 21:59 EDT
    ['Europe/Paris', '2026-06-15T04:59:00Z', 6, 1], // 06:59 CEST
    ['Europe/Paris', '2026-06-15T05:00:00Z', 7, 0], // 07:00 CEST
    ['Europe/Paris', '2026-01-15T05:59:00Z', 6, 1], // 06:59 CET (winter time)
    ['Asia/Kolkata', '2026-06-15T16:30:00Z', 22, 1], // 22:00 IST, a half-hour zone
    ['Not/AZone', '2026-06-15T15:00:00Z', null, 0.5],
  ])('late night: %s at %s → hour %p, term %p', (timeZone, iso, hour, term) => {
    expect(tutorLocalHour(timeZone, new Date(iso))).toBe(hour);
    expect(lateNightTerm(timeZone, new Date(iso))).toBe(term);
  });

  it('gives each minute its own hour, asked across an hour boundary and back, zone after zone', () => {
    const calls: [string, string, number][] = [
      ['America/New_York', '2026-06-15T01:59:30Z', 21],
      ['Asia/Kolkata', '2026-06-15T01:59:40Z', 7], // 07:29 IST, the same UTC minute, another zone
      ['America/New_York', '2026-06-15T02:00:10Z', 22],
      ['Asia/Kolkata', '2026-06-15T16:29:59Z', 21],
      ['Asia/Kolkata', '2026-06-15T16:30:00Z', 22],
      ['America/New_York', '2026-06-15T01:59:50Z', 21],
    ];
    expect(calls.map(([zone, iso]) => tutorLocalHour(zone, new Date(iso)))).toEqual(calls.map((c) => c[2]));
  });

  it.each([
    [0, 0],
    [3, 0.5],
    [9, 0.75],
    [-2, 0],
  ])('load: %i sessions today → %p', (sessions, term) => {
    expect(loadTerm(sessions)).toBeCloseTo(term, 10);
  });

  it.each([
    [[], 0],
    [[0], 1],
    [[300, 900], Math.exp(-1)],
    [[-10], 1], // a future offer time (clock skew) counts as just now
  ])('fairness: offers %j s ago → %p', (ages, term) => {
    expect(fairnessTerm(ages.map(secondsAgo), now)).toBeCloseTo(term, 10);
  });

  it.each([
    [0, 0, 0.25], // prior alone: 4 stars
    [100, 500, (5 - 520 / 105) / 4], // all five-star, pulled a little towards the prior
    [1, 1, (5 - 21 / 6) / 4], // a single one-star rating moves the average only a little
    [1000, 1000, (5 - 1020 / 1005) / 4],
  ])('rating: %i ratings, %i stars → %p', (count, stars, term) => {
    expect(ratingTerm(count, stars)).toBeCloseTo(term, 10);
  });

  it.each([
    [{ received: 0, accepted: 0, timedOut: 0 }, 0.25],
    [{ received: 20, accepted: 20, timedOut: 0 }, 2 / 48],
    [{ received: 20, accepted: 10, timedOut: 0 }, 12 / 48],
    [{ received: 20, accepted: 10, timedOut: 10 }, 22 / 48],
    [{ received: 20, accepted: 0, timedOut: 20 }, 42 / 48],
  ])('reliability: %j → %p', (offers, term) => {
    expect(reliabilityTerm(offers)).toBeCloseTo(term, 10);
  });
});

describe('matchingCost', () => {
  const request = makeRequest({ createdAt: now });
  const cost = (tutor: Parameters<typeof makeTutor>[0], r = request) =>
    matchingCost(r, makeTutor(tutor), { now });

  it('is the weighted sum of the terms, minus nothing for a request that has just arrived', () => {
    const tutor = makeTutor({ sessionsToday: 3 });
    const terms = matchingCostTerms(request, tutor, now);
    const expected =
      30 * terms.skillFit +
      15 * terms.language +
      15 * terms.lateNight +
      10 * terms.load +
      15 * terms.fairness +
      15 * terms.rating +
      25 * terms.reliability;
    expect(matchingCost(request, tutor, { now })).toBeCloseTo(expected, 10);
  });

  it.each([
    [
      'MASTERED beats PROFICIENT',
      { skills: { 'fractions-add': { level: 'MASTERED' as const, pKnown: 0.9 } } },
      {},
    ],
    [
      'higher P(known) is better',
      { skills: { 'fractions-add': { level: 'PROFICIENT' as const, pKnown: 0.99 } } },
      {},
    ],
    ['shared preferred language is better', { languages: ['en'] }, { languages: ['fr', 'en'] }],
    ['afternoon beats late night', { timeZone: 'UTC' }, { timeZone: 'Pacific/Auckland' }], // 03:00 NZST
    ['a fresh tutor beats a busy one', { sessionsToday: 0 }, { sessionsToday: 4 }],
    [
      'not offered lately beats just offered',
      { recentOfferTimes: [secondsAgo(3000)] },
      { recentOfferTimes: [secondsAgo(20)] },
    ],
    [
      'well rated beats poorly rated',
      { ratingCount: 10, ratingStarsTotal: 50 },
      { ratingCount: 10, ratingStarsTotal: 20 },
    ],
    [
      'reliable beats flaky',
      { offers: { received: 10, accepted: 9, timedOut: 0 } },
      { offers: { received: 10, accepted: 2, timedOut: 6 } },
    ],
  ])('%s', (_case, better, worse) => {
    expect(cost(better)).toBeLessThan(cost(worse));
  });

  it('gives a long-waiting request a lower cost for the same tutor, capped at 45 minutes', () => {
    const waited = (s: number) => cost({}, makeRequest({ createdAt: secondsAgo(s) }));
    expect(waited(0) - waited(60)).toBeCloseTo(30, 10);
    expect(waited(45 * 60)).toBeCloseTo(waited(3 * 3600), 10);
  });

  it('uses custom weights', () => {
    const zero = {
      ...DEFAULT_MATCHING_WEIGHTS,
      skillFit: 0,
      language: 0,
      lateNight: 0,
      load: 0,
      fairness: 0,
    };
    const weights = { ...zero, rating: 0, reliability: 0, waitingPerSecond: 1 };
    expect(matchingCost(makeRequest({ createdAt: secondsAgo(10) }), makeTutor(), { now, weights })).toBe(-10);
  });

  it('is finite for any candidate data, even corrupt', () => {
    const date = fc.date({ noInvalidDate: false });
    const num = fc.double();
    fc.assert(
      fc.property(
        fc.record({ createdAt: date, languages: fc.array(fc.string(), { maxLength: 3 }) }),
        fc.record({
          languages: fc.array(fc.string(), { maxLength: 3 }),
          timeZone: fc.constantFrom('UTC', 'Asia/Tokyo', 'nope', ''),
          skills: fc.constant({ 'fractions-add': { level: 'PROFICIENT' as const, pKnown: 0.5 } }),
          recentOfferTimes: fc.array(date, { maxLength: 3 }),
          sessionsToday: num,
          ratingCount: num,
          ratingStarsTotal: num,
          offers: fc.record({ received: num, accepted: num, timedOut: num }),
        }),
        date,
        (r, t, at) => Number.isFinite(matchingCost(makeRequest(r), makeTutor(t), { now: at })),
      ),
    );
  });
});
