import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Classrooms1763870100000 implements MigrationInterface {
  name = 'Classrooms1763870100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE classrooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coach_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        join_code text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX classrooms_coach ON classrooms (coach_id)`);
    await q.query(`
      CREATE TABLE classroom_members (
        classroom_id uuid NOT NULL REFERENCES classrooms(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (classroom_id, user_id)
      )`);
    await q.query(`CREATE INDEX classroom_members_user ON classroom_members (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS classroom_members`);
    await q.query(`DROP TABLE IF EXISTS classrooms`);
  }
}
