import { z } from 'zod';
import { analyzeExperiment, type Verdict } from './statistics/analyze-experiment';

/**
 * The analyst's input file for `experiments analyze FILE.json`, and the report it turns into.
 *
 *   { "metric": { "type": "mean" | "binomial", "direction"?: "higher" | "lower" },
 *     "weights": [0.5, 0.5],
 *     "variations": [ { "key": "control", "n": 1000, "sum": 120, "sumSquares": 120 }, ... ],
 *     "alpha"?: 0.05, "sequentialTuning"?: 5000, "correction"?: "holm-bonferroni" }
 *
 * The first variation is the control. For binomial metrics `sum` counts conversions and `sumSquares`
 * may be left out (it equals `sum`). Weights need not sum to 1; they are normalised for the SRM check.
 */

const variationSchema = z.strictObject({
  key: z.string().min(1),
  n: z.number().int().nonnegative(),
  sum: z.number(),
  sumSquares: z.number().nonnegative().optional(),
});

export const analysisInputSchema = z
  .object({
    metric: z.object({
      type: z.enum(['mean', 'binomial']),
      direction: z.enum(['higher', 'lower']).optional(),
    }),
    weights: z.array(z.number().positive()).min(2),
    variations: z.array(variationSchema).min(2),
    alpha: z.number().gt(0).lt(1).optional(),
    sequentialTuning: z.number().positive().optional(),
    correction: z.enum(['holm-bonferroni', 'benjamini-hochberg', 'none']).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.weights.length !== input.variations.length) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'needs exactly one weight per variation' });
    }
    const keys = input.variations.map((variation) => variation.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['variations'], message: 'variation keys must be unique' });
    input.variations.forEach((variation, index) => {
      const problem = summaryProblem(input.metric.type, variation);
      if (problem) ctx.addIssue({ code: 'custom', path: ['variations', index], message: problem });
    });
  });

export type AnalysisInput = z.infer<typeof analysisInputSchema>;

/** Why a summary cannot come from real data, or null. */
function summaryProblem(
  type: 'mean' | 'binomial',
  variation: z.infer<typeof variationSchema>,
): string | null {
  const { n, sum, sumSquares } = variation;
  if (type === 'binomial') {
    if (!Number.isInteger(sum) || sum < 0 || sum > n)
      return 'binomial sum counts conversions: an integer from 0 to n';
    return sumSquares === undefined || sumSquares === sum ? null : 'binomial sumSquares must equal sum';
  }
  if (sumSquares === undefined) return 'mean metrics need sumSquares';
  if (n === 0) return sum === 0 && sumSquares === 0 ? null : 'an empty variation has sum and sumSquares 0';
  // Cauchy–Schwarz: Σx² ≥ (Σx)²/n, up to rounding in whatever produced the sums.
  return sumSquares >= ((sum * sum) / n) * (1 - 1e-9)
    ? null
    : 'sumSquares is smaller than sum²/n, which no data can give';
}

export type ParsedAnalysisInput = { ok: true; input: AnalysisInput } | { ok: false; error: string };

/** Validates already-decoded JSON; the error names every problem with its path. */
export function parseAnalysisInput(json: unknown): ParsedAnalysisInput {
  const result = analysisInputSchema.safeParse(json);
  return result.success
    ? { ok: true, input: result.data }
    : { ok: false, error: z.prettifyError(result.error) };
}

export interface AnalysisReportRow {
  readonly key: string;
  readonly n: number;
  readonly mean: number;
  readonly relativeLift: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly pValue: number | null;
  readonly adjustedPValue: number | null;
  readonly chanceToWin: number | null;
  readonly verdict: Verdict | null;
}

export interface AnalysisReport {
  readonly srmPValue: number;
  readonly sampleRatioMismatch: boolean;
  readonly variations: readonly AnalysisReportRow[];
}

/** The report `analyze` prints: pure, from validated input to JSON-ready output. */
export function analysisReport(input: AnalysisInput): AnalysisReport {
  const analysis = analyzeExperiment({
    metricType: input.metric.type,
    direction: input.metric.direction,
    weights: input.weights,
    variations: input.variations.map((variation) => ({
      ...variation,
      sumSquares: variation.sumSquares ?? variation.sum,
    })),
    alpha: input.alpha,
    sequentialTuning: input.sequentialTuning,
    correction: input.correction,
  });
  return {
    srmPValue: analysis.srmPValue,
    sampleRatioMismatch: analysis.sampleRatioMismatch,
    variations: analysis.variations.map((row) => ({
      key: row.key,
      n: row.n,
      mean: row.mean,
      relativeLift: row.relativeLift,
      ciLow: row.ciLow,
      ciHigh: row.ciHigh,
      pValue: row.pValue,
      adjustedPValue: row.adjustedPValue,
      chanceToWin: row.chanceToWin,
      verdict: row.verdict,
    })),
  };
}
