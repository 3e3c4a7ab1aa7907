// Experiment results in words and numbers an experimenter can act on. Pure.
import type { ExperimentDecision, ExperimentStatus, GuardrailStatus } from '../graphql/generated';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

/** "+3.4%", "−1.0%", "0%"; "—" when there is no estimate. Relative values in, percentages out. */
export function signedPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const rounded = Number((value * 100).toFixed(digits));
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)}%`;
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** p-values the way papers print them: "0.032", "< 0.001". */
export function pValue(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}

/** "p < 0.001" or "p = 0.032", for sentences. */
export function pStatement(value: number | null | undefined): string {
  const text = pValue(value);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** An interval "+1.2% to +5.0%", or "—" without one. */
export function interval(low: number | null | undefined, high: number | null | undefined): string {
  return low == null || high == null ? '—' : `${signedPercent(low)} to ${signedPercent(high)}`;
}

/** Means: a share for binomial metrics ("41.2%"), else a number with sensible digits. */
export function metricMean(value: number, type: string): string {
  if (type === 'binomial') return percent(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** "proficiency_reached" → "Proficiency reached". */
export function metricLabel(key: string): string {
  const words = key.replaceAll('_', ' ').replaceAll('.', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DECISIONS: Record<ExperimentDecision, { label: string; tone: Tone }> = {
  SHIP: { label: 'Ship it', tone: 'good' },
  KEEP_CONTROL: { label: 'Keep the control', tone: 'bad' },
  DO_NOT_SHIP: { label: 'Do not ship: a guardrail is violated', tone: 'bad' },
  NO_MEANINGFUL_DIFFERENCE: { label: 'No meaningful difference', tone: 'neutral' },
  KEEP_RUNNING: { label: 'Keep running', tone: 'neutral' },
  CHECK_SRM: { label: 'Check the traffic split first', tone: 'warn' },
  NO_DATA: { label: 'No data yet', tone: 'neutral' },
};

export function decisionDisplay(decision: ExperimentDecision): { label: string; tone: Tone } {
  return DECISIONS[decision];
}

export function statusDisplay(status: ExperimentStatus): { label: string; tone: Tone } {
  if (status === 'RUNNING') return { label: 'Running', tone: 'good' };
  if (status === 'STOPPED') return { label: 'Stopped', tone: 'neutral' };
  return { label: 'Draft', tone: 'neutral' };
}

export function guardrailDisplay(status: GuardrailStatus | null): { label: string; tone: Tone } | null {
  if (status === null) return null;
  if (status === 'OK') return { label: 'Guardrail OK', tone: 'good' };
  if (status === 'VIOLATED') return { label: 'Guardrail violated', tone: 'bad' };
  return { label: 'Guardrail not measurable yet', tone: 'neutral' };
}

/** The verdict of one arm on one metric, as the api phrases it, with a tone for colour. */
export function verdictDisplay(verdict: string | null): { label: string; tone: Tone } {
  switch (verdict) {
    case 'better':
      return { label: 'Better', tone: 'good' };
    case 'worse':
      return { label: 'Worse', tone: 'bad' };
    case 'withheld':
      return { label: 'Withheld (SRM)', tone: 'warn' };
    case 'inconclusive':
      return { label: 'Inconclusive', tone: 'neutral' };
    case 'no-data':
      return { label: 'No data', tone: 'neutral' };
    default:
      return { label: '—', tone: 'neutral' };
  }
}
