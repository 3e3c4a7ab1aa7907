import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on the learner's progress row. An answer is one read and one conditional write with no
 * transaction round trips (BEGIN/COMMIT cost as much as the statements on a small machine): the write
 * applies only if the version it read is still current, so two answers of one learner never both apply
 * against the same state (practice/answer-statements.ts).
 */
export class ProgressVersion1763870600000 implements MigrationInterface {
  name = 'ProgressVersion1763870600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE learner_progress ADD COLUMN version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE learner_progress DROP COLUMN version`);
  }
}
