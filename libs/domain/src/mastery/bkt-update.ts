/**
 * Bayesian Knowledge Tracing (BKT): the probability that a learner knows a skill, updated after each answer.
 *
 * Source: A. T. Corbett and J. R. Anderson, "Knowledge tracing: Modeling the acquisition of procedural
 * knowledge", User Modeling and User-Adapted Interaction 4(4), 253–278, 1995.
 *
 * With L = P(known) before the answer, G = guess, S = slip, T = learn:
 *
 *   posterior after a correct answer   L' = L·(1 − S) / (L·(1 − S) + (1 − L)·G)
 *   posterior after a wrong answer     L' = L·S       / (L·S       + (1 − L)·(1 − G))
 *   learning transition                L_next = L' + (1 − L')·T
 *
 * In Peerlift the estimate is informational (dashboards, tutor "skill fit"): levels follow the
 * N-in-a-row rule and the delayed review, because BKT with these defaults passes 0.95 after only
 * 3 right answers (see FIELD-NOTES, "Bayesian Knowledge Tracing").
 */

/** The four BKT parameters of one skill. All are probabilities in [0, 1]; `guess + slip` must be < 1. */
export interface BktParams {
  /** P(L0): probability the skill is known before the first attempt. */
  prior: number;
  /** P(T): probability of learning the skill at each practice opportunity. */
  learn: number;
  /** P(G): probability of a correct answer when the skill is not known. */
  guess: number;
  /** P(S): probability of a wrong answer when the skill is known. */
  slip: number;
}

/**
 * Default parameters: 0.1 each. Free-response math answers are hard to guess and rarely slipped, and a
 * low prior and learn rate keep the estimate conservative. They satisfy guess + slip < 1 (the model is
 * identifiable only then: a correct answer must be more likely when the skill is known).
 */
export const DEFAULT_BKT_PARAMS: BktParams = Object.freeze({ prior: 0.1, learn: 0.1, guess: 0.1, slip: 0.1 });

function isProbability(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * Checks that every parameter is a probability and that `guess + slip < 1`.
 *
 * @throws RangeError naming the first bad parameter.
 */
export function assertValidBktParams(params: BktParams): void {
  for (const key of ['prior', 'learn', 'guess', 'slip'] as const) {
    if (!isProbability(params[key])) {
      throw new RangeError(`BKT ${key} must be a probability in [0, 1], got ${params[key]}`);
    }
  }
  if (params.guess + params.slip >= 1) {
    throw new RangeError(`BKT guess + slip must be < 1, got ${params.guess} + ${params.slip}`);
  }
}

/**
 * One BKT step (Corbett & Anderson 1995): the Bayesian posterior of P(known) given the answer, followed by
 * the learning transition. See the file header for the formulas.
 *
 * If the observed answer is impossible under the model (e.g. L = 0 and guess = 0 with a correct answer),
 * the evidence is ignored and only the learning transition applies.
 *
 * @param pKnown P(known) before the answer, a probability in [0, 1].
 * @param correct whether the answer was correct.
 * @param params the skill's BKT parameters.
 * @returns P(known) after the answer and the learning opportunity, in [0, 1].
 * @throws RangeError if `pKnown` is not a probability or the parameters are invalid.
 */
export function updateKnowledgeEstimate(pKnown: number, correct: boolean, params: BktParams): number {
  if (!isProbability(pKnown)) {
    throw new RangeError(`pKnown must be a probability in [0, 1], got ${pKnown}`);
  }
  assertValidBktParams(params);
  const { learn, guess, slip } = params;
  const evidenceIfKnown = pKnown * (correct ? 1 - slip : slip);
  const evidenceIfUnknown = (1 - pKnown) * (correct ? guess : 1 - guess);
  const total = evidenceIfKnown + evidenceIfUnknown;
  const posterior = total === 0 ? pKnown : evidenceIfKnown / total;
  return posterior + (1 - posterior) * learn;
}
