/**
 * One matching tick: which waiting request is offered to which available tutor (DESIGN.md §4 Help and
 * matching). Pure: the worker loads candidates, calls this, then claims each pair atomically in Redis.
 */
import type { HelpRequestCandidate, TutorCandidate } from './match-candidates';
import { DEFAULT_MATCHING_WEIGHTS, MatchingWeights, matchingCost } from './matching-cost';
import { CostMatrix, MatrixAssignment, greedyAssignment, minCostAssignment } from './min-cost-assignment';

export interface TutorAssignment {
  requestId: string;
  tutorId: string;
  /** {@link matchingCost} of the pair (points; lower is better). */
  cost: number;
}

export interface AssignTutorsOptions {
  /** Waiting requests in their place in line, oldest first. */
  requests: readonly HelpRequestCandidate[];
  /** Tutors who are available; eligibility is still checked per pair. */
  tutors: readonly TutorCandidate[];
  now: Date;
  weights?: MatchingWeights;
  /** The hard filter, usually `(r, t) => tutorEligibility(r, t, { now }).eligible`. */
  isEligible: (request: HelpRequestCandidate, tutor: TutorCandidate) => boolean;
}

function assertUniqueIds(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`duplicate ${what} ${id}`);
    seen.add(id);
  }
}

/**
 * The cost matrix of a tick: rows = requests (in the given order), columns = tutors, `null` where the pair
 * is not eligible. A tutor who is also waiting for help in this batch is never offered a request: they
 * would end up in two sessions.
 */
export function buildCostMatrix({
  requests,
  tutors,
  now,
  weights,
  isEligible,
}: AssignTutorsOptions): CostMatrix {
  const waitingLearners = new Set(requests.map((r) => r.learnerId));
  return requests.map((request) =>
    tutors.map((tutor) =>
      !waitingLearners.has(tutor.tutorId) && isEligible(request, tutor)
        ? matchingCost(request, tutor, { now, weights: weights ?? DEFAULT_MATCHING_WEIGHTS })
        : null,
    ),
  );
}

/**
 * Assigns tutors to waiting requests so that as many requests as possible get an eligible tutor and, among
 * such assignments, the total {@link matchingCost} is least (Munkres; see `min-cost-assignment.ts`). With a
 * single waiting request the fast path simply takes its cheapest eligible tutor, which is the same optimum.
 * Each tutor and each request appears at most once; ineligible pairs never do. Results follow the order of
 * `requests`.
 *
 * @throws RangeError on duplicate request or tutor ids.
 */
export function assignTutors(options: AssignTutorsOptions): TutorAssignment[] {
  const { requests, tutors } = options;
  assertUniqueIds(
    requests.map((r) => r.requestId),
    'requestId',
  );
  assertUniqueIds(
    tutors.map((t) => t.tutorId),
    'tutorId',
  );
  if (requests.length === 0 || tutors.length === 0) return [];
  const costs = buildCostMatrix(options);
  const cells: MatrixAssignment[] =
    requests.length === 1 ? greedyAssignment(costs) : minCostAssignment(costs);
  return cells.map(({ row, col, cost }) => ({
    requestId: requests[row].requestId,
    tutorId: tutors[col].tutorId,
    cost,
  }));
}
