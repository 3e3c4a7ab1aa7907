import { DEFAULT_POINT_VALUES, DEFAULT_STREAK_TO_PROFICIENT } from '@peerlift/domain';

/**
 * The numbers and words an experiment may vary, with the value every learner gets when no experiment
 * applies. The api evaluates these through GrowthBook: one feature per parameter, `defaultValue` from
 * here (see `compileFeaturesPayload`).
 *
 * Why a closed table: a definition can only vary something the product actually reads, and the
 * registry can check every variation's value against the parameter's type and range before it
 * reaches a learner (GrowthBook itself checks nothing).
 */

/** A parameter's value type: free text, or an integer within an inclusive range. */
export type ParameterSpec =
  | { readonly valueType: 'string'; readonly defaultValue: string; readonly description: string }
  | {
      readonly valueType: 'integer';
      readonly defaultValue: number;
      readonly min: number;
      readonly max: number;
      readonly description: string;
      /**
       * True when the value changes how fast points accrue: learners in different arms must then
       * never share a league cohort (DESIGN.md §4, Leaderboards and leagues).
       */
      readonly separatesLeagueCohorts: boolean;
    };

export const PARAMETERS = {
  'copy.correctFeedback': {
    valueType: 'string',
    defaultValue: 'Correct! Nice work.',
    description: 'Feedback line shown after a correct answer (submitAnswer returns it).',
  },
  'copy.stuckPrompt': {
    valueType: 'string',
    defaultValue: 'Stuck? Ask for help.',
    description: 'Prompt shown beside the help button when the learner looks stuck.',
  },
  'points.correctAnswer': {
    valueType: 'integer',
    // The control arm is what learners get today: the domain's point values, not a second copy of them.
    defaultValue: DEFAULT_POINT_VALUES.correctAnswer,
    min: 1,
    max: 100,
    description: 'Energy points paid for a correct answer before proficiency.',
    separatesLeagueCohorts: true,
  },
  'mastery.streakToProficient': {
    valueType: 'integer',
    defaultValue: DEFAULT_STREAK_TO_PROFICIENT,
    min: 3,
    max: 20,
    description: 'Correct answers in a row that make a skill PROFICIENT (Khan Academy: 10).',
    separatesLeagueCohorts: false,
  },
} as const satisfies Record<string, ParameterSpec>;

export type ParameterKey = keyof typeof PARAMETERS;

/** The TypeScript type of a parameter's values: `string` for copy, `number` for integers. */
export type ParameterValue<P extends ParameterKey> = P extends ParameterKey
  ? (typeof PARAMETERS)[P]['valueType'] extends 'string'
    ? string
    : number
  : never;

export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];

/** True when `key` names a parameter in PARAMETERS. */
export function isParameterKey(key: string): key is ParameterKey {
  return Object.prototype.hasOwnProperty.call(PARAMETERS, key);
}

/**
 * Why `value` is not a legal value of `parameter`, or null when it is.
 * Strings must be non-empty after trimming; integers must be safe integers within [min, max].
 */
export function parameterValueProblem(parameter: ParameterKey, value: unknown): string | null {
  const spec: ParameterSpec = PARAMETERS[parameter];
  if (spec.valueType === 'string') {
    return typeof value === 'string' && value.trim().length > 0 ? null : `${parameter} takes non-empty text`;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `${parameter} takes an integer`;
  if (value < spec.min || value > spec.max) return `${parameter} must be within ${spec.min}..${spec.max}`;
  return null;
}

/** Parameters whose arms must be kept apart in weekly league cohorts. */
export function parameterSeparatesLeagueCohorts(parameter: ParameterKey): boolean {
  const spec: ParameterSpec = PARAMETERS[parameter];
  return spec.valueType === 'integer' && spec.separatesLeagueCohorts;
}
