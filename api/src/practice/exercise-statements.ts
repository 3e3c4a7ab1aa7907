/**
 * The statements behind `nextExercise`: one read (prerequisite levels, the open exercise, recent prompts)
 * and one insert. Shared with bench/submit-answer's raw-`pg` ceiling, so both do the same database work.
 */

/** $1 user, $2 skill, $3 prerequisite slugs, $4 how many recent prompts to avoid. */
export const NEXT_EXERCISE_CONTEXT_SQL = `
  SELECT
    (SELECT coalesce(json_object_agg(skill_slug, level), '{}') FROM mastery
      WHERE user_id = $1 AND skill_slug = ANY($3::text[])) AS levels,
    (SELECT json_build_object('id', id, 'skillSlug', skill_slug, 'prompt', prompt) FROM exercises
      WHERE user_id = $1 AND skill_slug = $2 AND answered_at IS NULL) AS open,
    (SELECT coalesce(array_agg(prompt), '{}') FROM (SELECT prompt FROM exercises
      WHERE user_id = $1 AND skill_slug = $2 ORDER BY created_at DESC LIMIT $4) recent) AS recent`;

/** $1 user, $2 skill, $3 seed, $4 prompt, $5 expected (JSON). Nothing when an open one exists already. */
export const INSERT_EXERCISE_SQL = `
  INSERT INTO exercises (user_id, skill_slug, seed, prompt, expected) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (user_id, skill_slug) WHERE answered_at IS NULL DO NOTHING
  RETURNING id, skill_slug AS "skillSlug", prompt`;
