import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalPdf from '@stdlib/stats-base-dists-normal-pdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { effectMoments, type Comparison, type EffectError } from './effect-moments';

/**
 * Bayesian test on the effect, as gbstats `EffectBayesianABTest` (`bayesian/tests.py`): a Gaussian
 * likelihood for Δ with the same delta-method moments as the t-test, and a Gaussian prior.
 *
 *   flat prior (default, improper):  μ = Δ,  σ² = SE²
 *   proper prior N(m, v):            σ² = 1 / (1/SE² + 1/v),  μ = σ² (Δ/SE² + m/v)
 *   chance to win      = P(effect > 0) = 1 − Φ((0 − μ)/σ)        (1 − that when lower is better)
 *   credible interval  = μ ± z_{1−α/2} σ
 *   risk of control    = E[max(0, effect)]  = μ Φ(μ/σ) + σ φ(μ/σ)
 *   risk of treatment  = E[max(0, −effect)] = −μ Φ(−μ/σ) + σ φ(μ/σ)
 *
 * The risks are the closed forms of gbstats' truncated-normal products (1 − P(X<0))·E[X | X>0] and
 * −P(X<0)·E[X | X<0]; risk is the expected loss, in lift units, of choosing that arm.
 */

export interface GaussianPrior {
  /** Prior mean of the effect, in the units of the difference type (relative by default). */
  readonly mean: number;
  readonly variance: number;
}

export interface BayesianOptions extends Comparison {
  /** Credible interval is 1 − alpha; default 0.05. */
  readonly alpha?: number;
  /** Omit for gbstats' default improper flat prior. */
  readonly prior?: GaussianPrior;
  /** True when lower is better (gbstats `inverse`): flips chance to win and swaps the risks. */
  readonly inverse?: boolean;
}

export interface BayesianResult {
  /** Posterior mean of the effect. */
  readonly expected: number;
  readonly ci: readonly [number, number];
  /** Posterior standard deviation. */
  readonly standardDeviation: number;
  readonly chanceToWin: number;
  /** [risk of choosing control, risk of choosing treatment]. */
  readonly risk: readonly [number, number];
  /** Non-null when no effect could be estimated; numbers are then gbstats' defaults (0.5 chance to win). */
  readonly error: EffectError | null;
}

export function bayesianEffectTest(options: BayesianOptions): BayesianResult {
  const moments = effectMoments(options);
  if (moments.error) return defaultBayesianResult(moments.error);
  const { mean, sd } = posterior(moments.pointEstimate, moments.standardError ** 2, options.prior);
  const alpha = options.alpha ?? 0.05;
  const winIfHigher = 1 - normalCdf(-mean / sd, 0, 1);
  const risk = normalRisk(mean, sd);
  return {
    expected: mean,
    ci: [normalQuantile(alpha / 2, mean, sd), normalQuantile(1 - alpha / 2, mean, sd)],
    standardDeviation: sd,
    chanceToWin: options.inverse ? 1 - winIfHigher : winIfHigher,
    risk: options.inverse ? [risk[1], risk[0]] : risk,
    error: null,
  };
}

/** Normal–normal update of the effect; a flat prior leaves the data's moments unchanged. */
function posterior(
  dataMean: number,
  dataVariance: number,
  prior?: GaussianPrior,
): { mean: number; sd: number } {
  if (!prior) return { mean: dataMean, sd: Math.sqrt(dataVariance) };
  const precision = 1 / dataVariance + 1 / prior.variance;
  return {
    mean: (dataMean / dataVariance + prior.mean / prior.variance) / precision,
    sd: Math.sqrt(1 / precision),
  };
}

/** [E[max(0, X)], E[max(0, −X)]] for X ~ N(μ, σ²): expected loss of choosing control, treatment. */
export function normalRisk(mu: number, sigma: number): [number, number] {
  const z = mu / sigma;
  const density = sigma * normalPdf(z, 0, 1);
  return [mu * normalCdf(z, 0, 1) + density, -mu * normalCdf(-z, 0, 1) + density];
}

/** gbstats' uninformative Bayesian result: a coin flip. */
export function defaultBayesianResult(error: EffectError): BayesianResult {
  return { expected: 0, ci: [0, 0], standardDeviation: 0, chanceToWin: 0.5, risk: [0, 0], error };
}
