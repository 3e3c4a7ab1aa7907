import { isProficientOrBetter, MASTERY_LEVELS } from '@peerlift/domain';
import type { PreparedSql } from '../database/sql';

/**
 * The statement behind `nextExercise`, shared with bench/submit-answer's raw-`pg` ceiling so both do the same
 * database work. One round trip: on this kind of machine each statement's socket write costs more than the
 * statement itself.
 */

/** Levels that open the skills depending on them (the domain's rule, handed to SQL as data). */
export const UNLOCKING_LEVELS: readonly string[] = MASTERY_LEVELS.filter(isProficientOrBetter);

/**
 * SQL true when every prerequisite slug (`slugs`: a set-returning expression of text, e.g.
 * `unnest($3::text[])`) is at one of `levels` (a text[] parameter) for `user`: the domain's unlock rule,
 * shared by both statements that create exercises.
 */
export function prerequisitesMetSql(user: string, slugs: string, levels: string): string {
  return `NOT EXISTS (SELECT 1 FROM ${slugs} AS p(slug)
                  LEFT JOIN mastery m ON m.user_id = ${user} AND m.skill_slug = p.slug
                  WHERE m.level IS NULL OR m.level <> ALL(${levels}::text[]))`;
}

/**
 * FROM-clause joins that add `fresh` (seed, prompt, expected): the first candidate whose prompt is not among
 * the skill's last few prompts, or the first candidate when every one is recent; no row without candidates.
 * Shared by both statements that create exercises; arguments are SQL expressions (parameters or columns):
 * user, skill, how many recent prompts, candidates as a jsonb array [{seed, prompt, expected}] in order of
 * preference.
 */
export function freshCandidateJoinsSql(args: {
  user: string;
  skill: string;
  recentCount: string;
  candidates: string;
}): string {
  return `CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(r.prompt), '{}') AS prompts
      FROM (SELECT prompt FROM exercises WHERE user_id = ${args.user} AND skill_slug = ${args.skill}
            ORDER BY created_at DESC LIMIT ${args.recentCount}) r) recent
    CROSS JOIN LATERAL (
      SELECT c.seed, c.prompt, c.expected
      FROM jsonb_array_elements(${args.candidates}) WITH ORDINALITY AS x(c0, n)
      CROSS JOIN LATERAL jsonb_to_record(x.c0) AS c(seed int, prompt text, expected jsonb)
      ORDER BY c.prompt = ANY(recent.prompts), x.n
      LIMIT 1) fresh`;
}

/**
 * Returns the learner's levels in the prerequisites, the open exercise of the skill if there is one, and
 * otherwise the exercise it just created: the first candidate whose prompt is not among the last few of the
 * skill (or the first candidate when every one is recent), inserted only when the skill is unlocked.
 * `created` is null when the skill is locked, an exercise is open, or a concurrent call created one first.
 * $1 user, $2 skill, $3 prerequisite slugs, $4 how many recent prompts to avoid, $5 unlocking levels,
 * $6 candidates: JSON [{seed, prompt, expected}] in order of preference.
 */
export const NEXT_EXERCISE: PreparedSql = {
  name: 'next-exercise',
  text: `
  WITH ctx AS (
    SELECT
      (SELECT coalesce(json_object_agg(skill_slug, level), '{}') FROM mastery
        WHERE user_id = $1 AND skill_slug = ANY($3::text[])) AS levels,
      ${prerequisitesMetSql('$1', 'unnest($3::text[])', '$5')} AS unlocked,
      (SELECT json_build_object('id', id, 'skillSlug', skill_slug, 'prompt', prompt) FROM exercises
        WHERE user_id = $1 AND skill_slug = $2 AND answered_at IS NULL) AS open),
  created AS (
    INSERT INTO exercises (user_id, skill_slug, seed, prompt, expected)
    SELECT $1, $2, fresh.seed, fresh.prompt, fresh.expected
    FROM (SELECT 1 FROM ctx WHERE ctx.unlocked AND ctx.open IS NULL) AS wanted
    ${freshCandidateJoinsSql({ user: '$1', skill: '$2', recentCount: '$4', candidates: '$6::jsonb' })}
    ON CONFLICT (user_id, skill_slug) WHERE answered_at IS NULL DO NOTHING
    RETURNING id, skill_slug, prompt)
  SELECT ctx.levels, ctx.open,
         (SELECT json_build_object('id', id, 'skillSlug', skill_slug, 'prompt', prompt) FROM created) AS created
  FROM ctx`,
};
