/**
 * Test data for the matching specs: sensible defaults, overridden per case. (Lives here rather than in
 * libs/testing because it builds only this folder's plain types.)
 */
import type { HelpRequestCandidate, TutorCandidate } from './match-candidates';

/** The instant the matching specs run at: mid-June 2026, 15:00 UTC. */
export const SPEC_NOW = new Date('2026-06-15T15:00:00Z');

export function makeRequest(overrides: Partial<HelpRequestCandidate> = {}): HelpRequestCandidate {
  return {
    requestId: 'r1',
    learnerId: 'learner-1',
    skillId: 'fractions-add',
    createdAt: new Date(SPEC_NOW.getTime() - 30_000),
    languages: ['en'],
    learnerBirthYear: 2011,
    blockedUserIds: [],
    declinedTutorIds: [],
    ...overrides,
  };
}

export function makeTutor(overrides: Partial<TutorCandidate> = {}): TutorCandidate {
  return {
    tutorId: 't1',
    lastHeartbeatAt: new Date(SPEC_NOW.getTime() - 5_000),
    skills: { 'fractions-add': { level: 'PROFICIENT', pKnown: 0.9 } },
    languages: ['en'],
    timeZone: 'UTC',
    birthYear: 2010,
    vetted: false,
    verifiedCoach: false,
    inLiveSession: false,
    blockedUserIds: [],
    recentOfferTimes: [],
    sessionsToday: 0,
    ratingCount: 0,
    ratingStarsTotal: 0,
    offers: { received: 0, accepted: 0, timedOut: 0 },
    ...overrides,
  };
}
