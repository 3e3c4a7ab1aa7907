import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A learner's exercises in a skill, newest first. `nextExercise` reads the last few prompts of the skill so a
 * streak never repeats a question; without this index that read scanned the whole exercises table on every
 * call (0.8 ms per call with 20,000 rows in bench/submit-answer, growing with every exercise ever served).
 * It also serves the cascade when an account is deleted (exercises had no index leading with user_id).
 */
export class ExerciseHistoryIndex1763870500000 implements MigrationInterface {
  name = 'ExerciseHistoryIndex1763870500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX exercises_user_skill_recent ON exercises (user_id, skill_slug, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS exercises_user_skill_recent`);
  }
}
