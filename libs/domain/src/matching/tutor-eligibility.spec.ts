import { SPEC_NOW, makeRequest, makeTutor } from './candidates.factory';
import type { HelpRequestCandidate, TutorCandidate } from './match-candidates';
import { IneligibilityReason, offersInLastHour, tutorEligibility } from './tutor-eligibility';

const secondsAgo = (s: number) => new Date(SPEC_NOW.getTime() - s * 1000);

describe('tutorEligibility', () => {
  it('accepts an online, proficient, free teen tutor for a teen learner', () => {
    expect(tutorEligibility(makeRequest(), makeTutor(), { now: SPEC_NOW })).toEqual({
      eligible: true,
      reason: null,
    });
  });

  it.each<[string, Partial<HelpRequestCandidate>, Partial<TutorCandidate>, IneligibilityReason | null]>([
    ['tutor is the learner', { learnerId: 'u1' }, { tutorId: 'u1' }, 'IS_LEARNER'],
    ['tutor blocked the learner', {}, { blockedUserIds: ['learner-1'] }, 'BLOCKED'],
    ['learner blocked the tutor', { blockedUserIds: ['t1'] }, {}, 'BLOCKED'],
    ['unvetted adult, teen learner', {}, { birthYear: 1995 }, 'AGE_RULE'],
    ['vetted adult, teen learner', {}, { birthYear: 1995, vetted: true }, null],
    ['tutor may be 17 or 18, unvetted', {}, { birthYear: 2008 }, 'AGE_RULE'],
    ['under-13 tutor', { learnerBirthYear: 2012 }, { birthYear: 2014 }, 'AGE_RULE'],
    [
      'under-13 learner, vetted adult',
      { learnerBirthYear: 2016 },
      { birthYear: 1990, vetted: true },
      'AGE_RULE',
    ],
    [
      'under-13 learner, verified coach',
      { learnerBirthYear: 2016 },
      { birthYear: 1980, verifiedCoach: true },
      null,
    ],
    ['malformed birth year fails closed', { learnerBirthYear: Number.NaN }, {}, 'AGE_RULE'],
    ['heartbeat 45 s old', {}, { lastHeartbeatAt: secondsAgo(45) }, null],
    ['heartbeat 46 s old', {}, { lastHeartbeatAt: secondsAgo(46) }, 'OFFLINE'],
    ['in a live session', {}, { inLiveSession: true }, 'BUSY'],
    [
      'FAMILIAR only',
      {},
      { skills: { 'fractions-add': { level: 'FAMILIAR', pKnown: 0.8 } } },
      'NOT_PROFICIENT',
    ],
    ['skill never started', {}, { skills: {} }, 'NOT_PROFICIENT'],
    ['skill id is an Object.prototype key', { skillId: 'constructor' }, {}, 'NOT_PROFICIENT'],
    ['MASTERED', {}, { skills: { 'fractions-add': { level: 'MASTERED', pKnown: 0.99 } } }, null],
    ['no shared language', { languages: ['es'] }, { languages: ['en', 'fr'] }, 'NO_SHARED_LANGUAGE'],
    ['shared second language, regional tags', { languages: ['es', 'en-GB'] }, { languages: ['EN-us'] }, null],
    ['declined or timed out before', { declinedTutorIds: ['t1'] }, {}, 'ALREADY_DECLINED'],
    [
      '10 offers in the last hour',
      {},
      { recentOfferTimes: Array.from({ length: 10 }, (_, i) => secondsAgo(60 * i)) },
      'OFFER_CAP_REACHED',
    ],
    [
      '9 offers in the hour, 5 older',
      {},
      {
        recentOfferTimes: [...Array(9).keys(), 3600, 3601, 4000, 5000, 9000].map((i) =>
          secondsAgo(i < 9 ? 60 * i : i),
        ),
      },
      null,
    ],
    [
      'offers older than an hour',
      {},
      { recentOfferTimes: Array.from({ length: 20 }, (_, i) => secondsAgo(3600 + i)) },
      null,
    ],
  ])('%s → %s', (_case, request, tutor, reason) => {
    const result = tutorEligibility(makeRequest(request), makeTutor(tutor), { now: SPEC_NOW });
    expect(result).toEqual({ eligible: reason === null, reason });
  });

  it('reports the first failing filter when several fail', () => {
    const tutor = makeTutor({ inLiveSession: true, languages: ['fr'], lastHeartbeatAt: secondsAgo(600) });
    expect(tutorEligibility(makeRequest(), tutor, { now: SPEC_NOW }).reason).toBe('OFFLINE');
  });

  it('honours custom limits', () => {
    const tutor = makeTutor({ lastHeartbeatAt: secondsAgo(50), recentOfferTimes: [secondsAgo(10)] });
    const limits = { heartbeatTimeoutSeconds: 60, maxOffersPerHour: 1 };
    expect(tutorEligibility(makeRequest(), tutor, { now: SPEC_NOW, limits }).reason).toBe(
      'OFFER_CAP_REACHED',
    );
  });
});

describe('offersInLastHour', () => {
  it.each([
    [[], 0],
    [[0, 1, 3599], 3],
    [[3600, 7200], 0],
    [[-5, 10], 2], // a slightly future time (clock skew) still counts
  ])('offers %j seconds ago → %i', (ages, count) => {
    expect(offersInLastHour(makeTutor({ recentOfferTimes: ages.map(secondsAgo) }), SPEC_NOW)).toBe(count);
  });
});
