import fc from 'fast-check';
import { assignTutors, buildCostMatrix } from './assign-tutors';
import { SPEC_NOW, makeRequest, makeTutor } from './candidates.factory';
import type { HelpRequestCandidate, TutorCandidate } from './match-candidates';
import { greedyAssignment, minCostAssignment } from './min-cost-assignment';
import { tutorEligibility } from './tutor-eligibility';

const now = SPEC_NOW;
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const isEligible = (r: HelpRequestCandidate, t: TutorCandidate) => tutorEligibility(r, t, { now }).eligible;
const pairsOf = (result: { requestId: string; tutorId: string }[]) =>
  result.map((a) => `${a.requestId}→${a.tutorId}`);
const skill = (level: 'PROFICIENT' | 'MASTERED', pKnown: number) => ({ 'fractions-add': { level, pKnown } });

describe('assignTutors', () => {
  it.each([
    {
      case: 'all eligible: the older request gives up its favourite so the newer one avoids a poor match',
      requests: [
        makeRequest({ requestId: 'r1', learnerId: 'l1', languages: ['en'], createdAt: secondsAgo(60) }),
        makeRequest({ requestId: 'r2', learnerId: 'l2', languages: ['fr', 'en'], createdAt: secondsAgo(30) }),
      ],
      tutors: [
        makeTutor({ tutorId: 'tA', languages: ['fr', 'en'], skills: skill('MASTERED', 1) }),
        makeTutor({ tutorId: 'tB', languages: ['en'], skills: skill('PROFICIENT', 0.5) }),
      ],
      optimal: ['r1→tB', 'r2→tA'],
      firstCome: ['r1→tA', 'r2→tB'],
    },
    {
      case: 'the newer request can only be helped by the tutor the older one likes best',
      requests: [
        makeRequest({ requestId: 'r1', learnerId: 'l1', languages: ['en', 'es'], createdAt: secondsAgo(60) }),
        makeRequest({ requestId: 'r2', learnerId: 'l2', languages: ['es'], createdAt: secondsAgo(30) }),
      ],
      tutors: [
        makeTutor({ tutorId: 'tA', languages: ['es', 'en'], skills: skill('MASTERED', 0.99) }),
        makeTutor({ tutorId: 'tB', languages: ['en'], skills: skill('PROFICIENT', 0.9) }),
      ],
      optimal: ['r1→tB', 'r2→tA'],
      firstCome: ['r1→tA'],
    },
  ])('$case', ({ requests, tutors, optimal, firstCome }) => {
    const options = { requests, tutors, now, isEligible };
    expect(pairsOf(assignTutors(options))).toEqual(optimal);
    const greedy = greedyAssignment(buildCostMatrix(options));
    expect(greedy.map(({ row, col }) => `${requests[row].requestId}→${tutors[col].tutorId}`)).toEqual(
      firstCome,
    );
  });

  it('gives a contested tutor to the request that has waited longest, over a slightly better fit', () => {
    const requests = [
      makeRequest({ requestId: 'old', learnerId: 'l1', languages: ['es', 'en'], createdAt: secondsAgo(300) }),
      makeRequest({ requestId: 'new', learnerId: 'l2', languages: ['en'], createdAt: secondsAgo(5) }),
    ];
    const tutors = [makeTutor({ tutorId: 't', languages: ['en'] })];
    expect(pairsOf(assignTutors({ requests, tutors, now, isEligible }))).toEqual(['old→t']);
  });

  it('takes the cheapest eligible tutor for a single request (fast path)', () => {
    const tutors = [
      makeTutor({ tutorId: 'offline', skills: skill('MASTERED', 1), lastHeartbeatAt: secondsAgo(120) }),
      makeTutor({ tutorId: 'tired', sessionsToday: 6 }),
      makeTutor({ tutorId: 'fresh' }),
    ];
    const [assignment] = assignTutors({ requests: [makeRequest()], tutors, now, isEligible });
    expect(assignment.tutorId).toBe('fresh');
  });

  it('never offers a tutor who is waiting for help in the same batch', () => {
    const requests = [
      makeRequest({ requestId: 'r1', learnerId: 'u1', createdAt: secondsAgo(60) }),
      makeRequest({ requestId: 'r2', learnerId: 'u2' }),
    ];
    const tutors = [makeTutor({ tutorId: 'u2' }), makeTutor({ tutorId: 't9' })];
    expect(pairsOf(assignTutors({ requests, tutors, now, isEligible }))).toEqual(['r1→t9']);
  });

  it.each([
    ['no requests', [], [makeTutor()]],
    ['no tutors', [makeRequest()], []],
  ])('returns nothing with %s', (_case, requests, tutors) => {
    expect(assignTutors({ requests, tutors, now, isEligible })).toEqual([]);
  });

  it.each([
    ['request', [makeRequest(), makeRequest()], [makeTutor()]],
    ['tutor', [makeRequest()], [makeTutor(), makeTutor()]],
  ])('rejects a duplicate %s id', (_case, requests, tutors) => {
    expect(() => assignTutors({ requests, tutors, now, isEligible })).toThrow(RangeError);
  });
});

/** Random but valid candidates: ids are unique, everything else varies. */
const batch = fc
  .record({
    requests: fc.array(
      fc.record({ waited: fc.nat(4000), languages: fc.subarray(['en', 'es', 'fr'], { minLength: 1 }) }),
      { maxLength: 6 },
    ),
    tutors: fc.array(
      fc.record({
        languages: fc.subarray(['en', 'es', 'fr'], { minLength: 1 }),
        mastered: fc.boolean(),
        pKnown: fc.double({ min: 0.5, max: 1, noNaN: true }),
        sessionsToday: fc.nat(8),
        ratingCount: fc.nat(50),
        stars: fc.integer({ min: 1, max: 5 }),
        timeZone: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Los_Angeles'),
      }),
      { maxLength: 6 },
    ),
  })
  .chain(({ requests, tutors }) =>
    fc.record({
      requests: fc.constant(
        requests.map((r, i) =>
          makeRequest({
            requestId: `r${i}`,
            learnerId: `l${i}`,
            languages: r.languages,
            createdAt: secondsAgo(r.waited + i),
          }),
        ),
      ),
      tutors: fc.constant(
        tutors.map((t, i) =>
          makeTutor({
            tutorId: `t${i}`,
            languages: t.languages,
            skills: skill(t.mastered ? 'MASTERED' : 'PROFICIENT', t.pKnown),
            sessionsToday: t.sessionsToday,
            ratingCount: t.ratingCount,
            ratingStarsTotal: t.ratingCount * t.stars,
            timeZone: t.timeZone,
          }),
        ),
      ),
      allowed: fc.array(fc.array(fc.boolean(), { minLength: tutors.length, maxLength: tutors.length }), {
        minLength: requests.length,
        maxLength: requests.length,
      }),
    }),
  );

describe('assignTutors properties', () => {
  it('assigns each tutor and request at most once, only eligible pairs, at the optimum', () => {
    fc.assert(
      fc.property(batch, ({ requests, tutors, allowed }) => {
        const eligible = (r: HelpRequestCandidate, t: TutorCandidate) =>
          allowed[requests.indexOf(r)][tutors.indexOf(t)] && isEligible(r, t);
        const result = assignTutors({ requests, tutors, now, isEligible: eligible });
        expect(new Set(result.map((a) => a.requestId)).size).toBe(result.length);
        expect(new Set(result.map((a) => a.tutorId)).size).toBe(result.length);
        const byId = <T>(list: T[], key: keyof T, id: string) => list.find((x) => x[key] === id)!;
        for (const a of result)
          expect(eligible(byId(requests, 'requestId', a.requestId), byId(tutors, 'tutorId', a.tutorId))).toBe(
            true,
          );
        const costs = buildCostMatrix({ requests, tutors, now, isEligible: eligible });
        const greedy = greedyAssignment(costs);
        const total = (cells: { cost: number }[]) => cells.reduce((s, c) => s + c.cost, 0);
        expect(result.length).toBeGreaterThanOrEqual(greedy.length);
        if (result.length === greedy.length) expect(total(result)).toBeLessThanOrEqual(total(greedy) + 1e-6);
        const order = result.map((a) => requests.findIndex((r) => r.requestId === a.requestId));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });

  it('gives a single request the same tutor cost as the full solver', () => {
    fc.assert(
      fc.property(batch, ({ requests, tutors }) => {
        const single = requests.slice(0, 1);
        const fast = assignTutors({ requests: single, tutors, now, isEligible });
        const solved = minCostAssignment(buildCostMatrix({ requests: single, tutors, now, isEligible }));
        expect(fast.map((a) => a.cost)).toEqual(solved.map((c) => c.cost));
      }),
    );
  });
});
