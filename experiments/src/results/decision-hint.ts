import type { ExperimentDefinition } from '../experiment-definition';
import type { VariationAnalysis } from '../statistics/analyze-experiment';

/**
 * A one-line hint for the experimenter, from the primary metric, the guardrails and the SRM check.
 * It is a reading aid, not an automatic decision: the results carry every number it was made from.
 *
 * First rule that applies:
 *   NO_DATA                  nobody exposed, or the primary metric has no values yet
 *   CHECK_SRM                sample-ratio mismatch: assignment or exposure logging is broken, so every
 *                            verdict is withheld (GrowthBook's rule, p < 0.001)
 *   SHIP                     an arm is significantly better on the primary metric and no guardrail is
 *                            significantly worse for it (the best such arm is named)
 *   DO_NOT_SHIP              an arm wins on the primary metric but breaks a guardrail
 *   KEEP_CONTROL             an arm is significantly worse on the primary metric, none better
 *   NO_MEANINGFUL_DIFFERENCE every arm's interval lies within ± the minimum detectable effect
 *   KEEP_RUNNING             otherwise: not enough evidence either way yet
 */
export type Decision =
  | 'NO_DATA'
  | 'CHECK_SRM'
  | 'SHIP'
  | 'DO_NOT_SHIP'
  | 'KEEP_CONTROL'
  | 'NO_MEANINGFUL_DIFFERENCE'
  | 'KEEP_RUNNING';

export interface DecisionMetric {
  readonly metric: string;
  readonly role: 'primary' | 'guardrail';
  readonly variations: readonly VariationAnalysis[];
}

export interface DecisionInput {
  readonly definition: ExperimentDefinition;
  readonly totalUnits: number;
  readonly sampleRatioMismatch: boolean;
  readonly metrics: readonly DecisionMetric[];
}

export function decide(input: DecisionInput): { decision: Decision; reason: string } {
  const primary = input.metrics.find((metric) => metric.role === 'primary');
  if (input.totalUnits === 0) return { decision: 'NO_DATA', reason: 'Nobody has been exposed yet.' };
  if (input.sampleRatioMismatch) {
    return {
      decision: 'CHECK_SRM',
      reason:
        'Sample-ratio mismatch: the arms did not receive their configured shares, so assignment or exposure ' +
        'logging is broken. Verdicts are withheld until the cause is found.',
    };
  }
  const arms = primary?.variations.slice(1) ?? [];
  if (arms.length === 0 || arms.every((arm) => arm.relativeLift === null)) {
    return { decision: 'NO_DATA', reason: `No values of ${input.definition.primaryMetric} yet.` };
  }
  const better = arms.filter((arm) => arm.verdict === 'better');
  const broken = (key: string) =>
    input.metrics
      .filter((metric) => metric.role === 'guardrail')
      .filter((metric) => metric.variations.some((row) => row.key === key && row.verdict === 'worse'))
      .map((metric) => metric.metric);
  const shippable = better.filter((arm) => broken(arm.key).length === 0);
  if (shippable.length > 0) {
    const best = [...shippable].sort((a, b) => (b.relativeLift ?? 0) - (a.relativeLift ?? 0))[0];
    return { decision: 'SHIP', reason: `Ship ${best.key}: ${describe(best, input)}; guardrails hold.` };
  }
  if (better.length > 0) {
    const arm = better[0];
    return {
      decision: 'DO_NOT_SHIP',
      reason: `${arm.key} improves ${input.definition.primaryMetric} but is worse on ${broken(arm.key).join(', ')}.`,
    };
  }
  const worse = arms.find((arm) => arm.verdict === 'worse');
  if (worse) {
    return {
      decision: 'KEEP_CONTROL',
      reason: `Keep the control: ${worse.key} is worse (${describe(worse, input)}).`,
    };
  }
  const mde = input.definition.minimumDetectableEffect;
  if (
    arms.every((arm) => arm.ciLow !== null && arm.ciHigh !== null && arm.ciLow > -mde && arm.ciHigh < mde)
  ) {
    return {
      decision: 'NO_MEANINGFUL_DIFFERENCE',
      reason: `Every arm's interval lies within ±${percent(mde)} of the control: no effect worth shipping.`,
    };
  }
  return {
    decision: 'KEEP_RUNNING',
    reason: `No significant difference on ${input.definition.primaryMetric} yet; intervals are wider than ±${percent(mde)}.`,
  };
}

function describe(arm: VariationAnalysis, input: DecisionInput): string {
  return (
    `${input.definition.primaryMetric} ${signedPercent(arm.relativeLift ?? 0)} ` +
    `(CI ${signedPercent(arm.ciLow ?? 0)} to ${signedPercent(arm.ciHigh ?? 0)})`
  );
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const signedPercent = (x: number) => `${x >= 0 ? '+' : ''}${percent(x)}`;
