/**
 * Which weekly league cohort a learner joins when they score their first points of the week.
 *
 * Cohorts are per (ISO week, tier, experiment arm key). Learners in different arms of a running point-value
 * experiment earn points at different rates, so they are never ranked against each other: the arm key is
 * part of the cohort's identity. Within one (week, tier, arm) group the newest cohort that still has room is
 * filled; when every cohort is full a new one opens.
 *
 * Keys use `/` as separator (no `:`), so a cohort key can also name a BullMQ job, whose custom ids may not
 * contain `:`. Example: `2026-W48/GOLD/points-per-answer=high/0`.
 *
 * The choice is a pure function of the group's current member counts; the caller makes it atomic (read the
 * counts and add the member in one Redis script or one SQL statement), or two learners racing for the last
 * seat can both take it.
 */
import { type LeagueRules, type LeagueTier, DEFAULT_LEAGUE_RULES, LEAGUE_TIERS } from './league-tiers';

/** Arm key for learners in no point-value experiment; they form their own cohorts too. */
export const NO_EXPERIMENT_ARM_KEY = 'none';

const KEY_PART = /^[A-Za-z0-9_.=+-]+$/;
const ID_PART = /^[A-Za-z0-9_.-]+$/;
const WEEK_KEY = /^\d{4}-W\d{2}$/;

/** A learner's variation in one running experiment whose parameters change point values. */
export interface PointExperimentArm {
  experimentKey: string;
  variationId: string;
}

/**
 * One stable string for a learner's arms across every running point-value experiment: pairs
 * `experimentKey=variationId`, sorted by experiment key and joined with `+`; {@link NO_EXPERIMENT_ARM_KEY}
 * when there are none. Only experiments that change point values belong here — others do not make
 * leaderboards unfair and would only fragment cohorts.
 * @throws RangeError when a key or id has characters outside `A-Z a-z 0-9 _ . -`
 */
export function leagueArmKey(arms: readonly PointExperimentArm[]): string {
  if (arms.length === 0) return NO_EXPERIMENT_ARM_KEY;
  for (const { experimentKey, variationId } of arms) {
    if (!ID_PART.test(experimentKey) || !ID_PART.test(variationId)) {
      throw new RangeError(`experiment key and variation id must match ${String(ID_PART)}`);
    }
  }
  return [...arms]
    .sort((a, b) => (a.experimentKey < b.experimentKey ? -1 : a.experimentKey > b.experimentKey ? 1 : 0))
    .map((arm) => `${arm.experimentKey}=${arm.variationId}`)
    .join('+');
}

/** Prefix shared by every cohort of one (week, tier, arm) group, e.g. `2026-W48/GOLD/none`. */
export function cohortGroupKey(weekKey: string, tier: LeagueTier, armKey: string): string {
  if (!WEEK_KEY.test(weekKey)) throw new RangeError(`not an ISO week key: ${weekKey}`);
  if (!(LEAGUE_TIERS as readonly string[]).includes(tier))
    throw new RangeError(`unknown league tier: ${tier}`);
  if (!KEY_PART.test(armKey)) throw new RangeError(`arm key must match ${String(KEY_PART)}: ${armKey}`);
  return `${weekKey}/${tier}/${armKey}`;
}

export interface CohortChoiceInput {
  /** ISO week of the learner's first points this week, from `isoWeekKey(now)`. */
  weekKey: string;
  /** The learner's tier this week. */
  tier: LeagueTier;
  /** From {@link leagueArmKey}. */
  armKey: string;
  /** Member counts of the group's existing cohorts, indexed by sequence number (0 = opened first). */
  cohortSizes: readonly number[];
  /** Only `cohortSize` is read. Defaults to {@link DEFAULT_LEAGUE_RULES}. */
  rules?: Pick<LeagueRules, 'cohortSize'>;
}

export interface CohortAssignment {
  /** `${weekKey}/${tier}/${armKey}/${sequence}` */
  cohortKey: string;
  /** 0-based sequence number of the cohort within its group. */
  sequence: number;
  /** True when the learner is the first member of a new cohort. */
  opensNewCohort: boolean;
}

/**
 * The cohort a learner joins: the newest cohort of their (week, tier, arm) group with fewer than
 * `cohortSize` members, else a new cohort numbered after the last one. Older cohorts can have room only
 * after a race or a removal; they are filled too (newest first) before a new cohort opens.
 */
export function cohortKeyFor(input: CohortChoiceInput): CohortAssignment {
  const { cohortSize } = input.rules ?? DEFAULT_LEAGUE_RULES;
  if (!Number.isInteger(cohortSize) || cohortSize < 1)
    throw new RangeError(`invalid cohort size: ${cohortSize}`);
  const group = cohortGroupKey(input.weekKey, input.tier, input.armKey);
  let sequence = input.cohortSizes.length;
  for (let i = input.cohortSizes.length - 1; i >= 0; i--) {
    if (input.cohortSizes[i] < cohortSize) {
      sequence = i;
      break;
    }
  }
  return {
    cohortKey: `${group}/${sequence}`,
    sequence,
    opensNewCohort: sequence === input.cohortSizes.length,
  };
}
