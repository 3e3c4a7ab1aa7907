import { permuteIndex } from '../random/keyed-permutation';
import { seedFromString } from '../random/string-seed';
import type { ExerciseSpace } from './exercise-space';
import type { ExpectedAnswer } from './expected-answer';

/** One posed exercise: plain text for the learner, and the answer that stays on the server. */
export interface Exercise {
  readonly prompt: string;
  readonly expected: ExpectedAnswer;
}

/** A short explanation with a worked example, and an optional video. */
export interface Lesson {
  readonly text: string;
  readonly videoUrl?: string;
}

/** A node of the knowledge map. */
export interface SkillDefinition {
  /** Stable kebab-case id, e.g. `add-within-10`. */
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  /** Slugs of the skills to be proficient in first. */
  readonly prerequisites: readonly string[];
  readonly lesson: Lesson;
  /**
   * How many different exercises the skill can pose. Any `distinctExercises` consecutive seeds (for
   * example a learner's base seed + attempt number) give pairwise different exercises.
   */
  readonly distinctExercises: number;
  /** A pure function: the same seed always gives the same exercise. Any finite number is a seed. */
  generate(seed: number): Exercise;
}

/** What a skill module writes: the skill without its generator plumbing. */
export interface SkillSpec<P> extends Omit<SkillDefinition, 'generate' | 'distinctExercises'> {
  /** Every exercise the skill can pose, as parameters; distinct elements must give distinct prompts. */
  readonly space: ExerciseSpace<P>;
  /** Renders the parameters as an exercise. */
  readonly exercise: (parameters: P) => Exercise;
}

/**
 * Turns a skill spec into a {@link SkillDefinition} whose generator maps a seed to an exercise by
 * `space.at(permuteIndex(seed mod size, size, key))`, with a key derived from the slug. Because the
 * permutation is a bijection, consecutive seeds walk the whole space in a shuffled order before any
 * exercise repeats — no two exercises in a streak of up to `size` are the same.
 *
 * @throws RangeError from `generate` when the seed is NaN or infinite.
 */
export function defineSkill<P>(spec: SkillSpec<P>): SkillDefinition {
  const { space, exercise, ...skill } = spec;
  const key = seedFromString(spec.slug);
  return {
    ...skill,
    distinctExercises: space.size,
    generate(seed: number): Exercise {
      return exercise(space.at(permuteIndex(seedToIndex(seed, space.size), space.size, key)));
    },
  };
}

/** Reduces any finite seed (negative, fractional or huge) to an index in [0, size). */
function seedToIndex(seed: number, size: number): number {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`Seed must be a finite number, got ${seed}`);
  }
  // `%` on doubles is exact, so this is right even for seeds beyond 2^53.
  return ((Math.trunc(seed) % size) + size) % size;
}
