/**
 * The metrics an experiment may name: the keys, the statistical type (which variance formula applies)
 * and which direction is good. The SQL that computes each one per exposed learner is beside it, in
 * `results/metric-sql.ts`, keyed by the same names.
 *
 * - `binomial`: one 0/1 outcome per unit; summaries carry sum = conversions = sumSquares and the
 *   variance is p(1 - p) (gbstats `ProportionStatistic`).
 * - `mean`: one real value per unit; variance is the sample variance with n - 1 (gbstats
 *   `SampleMeanStatistic`).
 */
export type MetricType = 'binomial' | 'mean';
export type MetricDirection = 'higher' | 'lower';

export interface MetricSpec {
  readonly type: MetricType;
  /** Which way is better: `lower` flips chance to win and the verdict (gbstats `inverse`). */
  readonly direction: MetricDirection;
  readonly description: string;
}

export const METRICS = {
  answers: { type: 'mean', direction: 'higher', description: 'Answers submitted per learner.' },
  accuracy: {
    type: 'mean',
    direction: 'higher',
    description: 'Share of a learner’s answers that were correct (per-learner mean).',
  },
  proficiency_reached: {
    type: 'binomial',
    direction: 'higher',
    description: 'Learner reached PROFICIENT in at least one skill after exposure.',
  },
  help_requested: {
    type: 'binomial',
    direction: 'higher',
    description: 'Learner opened a help request after exposure (stuck learners should ask).',
  },
  session_completed: {
    type: 'binomial',
    direction: 'higher',
    description: 'Learner finished at least one tutoring session that was matched.',
  },
  tutor_rating: {
    type: 'mean',
    direction: 'higher',
    description: 'Mean rating the learner gave their tutors.',
  },
  next_day_return: {
    type: 'binomial',
    direction: 'higher',
    description: 'Learner practised again on the calendar day after exposure (own time zone).',
  },
  points_per_active_learner: {
    type: 'mean',
    direction: 'higher',
    description: 'Points earned per learner with at least one answer (checks that a points dose landed).',
  },
  reports: { type: 'mean', direction: 'lower', description: 'Abuse reports filed against the learner.' },
} as const satisfies Record<string, MetricSpec>;

export type MetricKey = keyof typeof METRICS;

export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

/** True when `key` names a metric in METRICS. */
export function isMetricKey(key: string): key is MetricKey {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}
