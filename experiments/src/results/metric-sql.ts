import type { HashUnit } from '../experiment-definition';
import type { MetricKey } from '../metric-catalogue';

/**
 * Each metric of METRICS, defined once, as a SQL expression giving one value per exposed learner
 * within their exposure window. The api, the worker and the report command all run these same
 * strings (through `loadExperimentResults`), so a number means the same thing everywhere.
 *
 * The expression is evaluated once per row `x` of the exposed learners, which carries:
 *   x.user_id     the learner;
 *   x.t0          first exposure in this phase (`experiment_exposures.first_seen_at`);
 *   x.t1          end of the window: the phase's stop, or the analysis time if still running;
 *   x.time_zone   the learner's IANA time zone (for "next day" in their own calendar).
 * Events count when t0 <= created_at < t1. NULL means "this learner has no value" (an accuracy with no
 * answers, a rating never given, a next day that has not ended yet): such learners are left out of that
 * metric's n rather than counted as 0.
 *
 * `sourceTables` names every table the expression reads, so the results can say which metrics cannot
 * be computed on a database that lacks one (the tutoring tables arrive with their own feature).
 */
export interface MetricSql {
  readonly sourceTables: readonly string[];
  readonly perUserValue: string;
}

const inWindow = (alias: string, column = 'created_at') =>
  `${alias}.${column} >= x.t0 AND ${alias}.${column} < x.t1`;

const attemptsInWindow = `FROM attempts a WHERE a.user_id = x.user_id AND ${inWindow('a')}`;

/** Local midnight `days` after the local day of t0, as an instant. */
const localMidnight = (days: number) =>
  `(((x.t0 AT TIME ZONE x.time_zone)::date + ${days})::timestamp AT TIME ZONE x.time_zone)`;

export const METRIC_SQL: Readonly<Record<MetricKey, MetricSql>> = {
  answers: {
    sourceTables: ['attempts'],
    perUserValue: `(SELECT count(*) ${attemptsInWindow})`,
  },
  accuracy: {
    sourceTables: ['attempts'],
    perUserValue: `(SELECT avg(a.correct::int) ${attemptsInWindow})`,
  },
  proficiency_reached: {
    // The ledger's proficiency bonus is keyed `proficiency:<skill>` and paid once per learner and skill.
    sourceTables: ['point_ledger'],
    perUserValue: `(EXISTS (SELECT 1 FROM point_ledger l WHERE l.user_id = x.user_id
      AND l.source_key LIKE 'proficiency:%' AND ${inWindow('l')}))::int`,
  },
  help_requested: {
    sourceTables: ['help_requests'],
    perUserValue: `(EXISTS (SELECT 1 FROM help_requests h WHERE h.learner_id = x.user_id
      AND ${inWindow('h')}))::int`,
  },
  session_completed: {
    // A session row exists only once a tutor was matched; `completed` is the tutoring feature's own rule
    // for a session that counts (the one it pays for), set when the session ends.
    sourceTables: ['tutoring_sessions'],
    perUserValue: `(EXISTS (SELECT 1 FROM tutoring_sessions s WHERE s.learner_id = x.user_id
      AND s.state = 'ENDED' AND s.completed AND ${inWindow('s', 'ended_at')}))::int`,
  },
  tutor_rating: {
    sourceTables: ['session_ratings'],
    perUserValue: `(SELECT avg(r.stars) FROM session_ratings r WHERE r.rater_id = x.user_id AND ${inWindow('r')})`,
  },
  next_day_return: {
    // Only learners whose next local day has ended inside the window can have converted or not.
    sourceTables: ['attempts', 'users'],
    perUserValue: `CASE WHEN ${localMidnight(2)} <= x.t1 THEN (EXISTS (SELECT 1 FROM attempts a
      WHERE a.user_id = x.user_id AND a.created_at >= ${localMidnight(1)}
      AND a.created_at < ${localMidnight(2)}))::int END`,
  },
  points_per_active_learner: {
    sourceTables: ['attempts', 'point_ledger'],
    perUserValue: `CASE WHEN EXISTS (SELECT 1 ${attemptsInWindow}) THEN (SELECT coalesce(sum(l.amount), 0)
      FROM point_ledger l WHERE l.user_id = x.user_id AND ${inWindow('l')}) END`,
  },
  reports: {
    sourceTables: ['user_reports'],
    perUserValue: `(SELECT count(*) FROM user_reports r WHERE r.reported_user_id = x.user_id AND ${inWindow('r')})`,
  },
};

/** Tables every results query reads besides the metric's own. */
export const EXPOSURE_TABLES = ['experiment_exposures', 'experiment_phases', 'users'] as const;

const exposedSql = `SELECT e.user_id, e.variation_key, e.hash_value, e.first_seen_at AS t0,
    least(coalesce(p.stopped_at, $3::timestamptz), $3::timestamptz) AS t1, u.time_zone
  FROM experiment_exposures e
  JOIN experiment_phases p ON p.experiment_key = e.experiment_key AND p.phase = e.phase
  JOIN users u ON u.id = e.user_id
  WHERE e.experiment_key = $1 AND e.phase = $2`;

/**
 * Per-variation sufficient statistics (n, Σx, Σx²) of one metric for one experiment phase.
 * Parameters: $1 experiment key, $2 phase, $3 analysis time (timestamptz).
 *
 * With `unit = 'classroom'` (experiments randomised by classroom) each classroom is one unit whose
 * value is the mean over its exposed learners: the analysis then counts classrooms, as randomisation
 * did, instead of pretending learners of one class are independent.
 */
export function metricSummariesSql(metric: MetricKey, unit: HashUnit): string {
  const perUnit =
    unit === 'user'
      ? `SELECT variation_key, value FROM per_user WHERE value IS NOT NULL`
      : `SELECT variation_key, avg(value) AS value FROM per_user WHERE value IS NOT NULL
         GROUP BY variation_key, hash_value`;
  return `WITH exposed AS (${exposedSql}),
    per_user AS (SELECT x.variation_key, x.hash_value, (${METRIC_SQL[metric].perUserValue})::float8 AS value
                 FROM exposed x),
    per_unit AS (${perUnit})
    SELECT variation_key, count(*)::int AS n, coalesce(sum(value), 0)::float8 AS sum,
           coalesce(sum(value * value), 0)::float8 AS sum_squares
    FROM per_unit GROUP BY variation_key`;
}

/** Exposed units per variation (learners, or classrooms when randomised by classroom): $1 key, $2 phase. */
export function exposureCountsSql(unit: HashUnit): string {
  const counted = unit === 'user' ? 'user_id' : 'hash_value';
  return `SELECT variation_key, count(DISTINCT ${counted})::int AS units FROM experiment_exposures
          WHERE experiment_key = $1 AND phase = $2 GROUP BY variation_key`;
}
