import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsCurriculumPractice1763870000000 implements MigrationInterface {
  name = 'AccountsCurriculumPractice1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        handle text NOT NULL CHECK (char_length(handle) BETWEEN 3 AND 24),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('LEARNER','COACH','EXPERIMENTER','ADMIN')),
        birth_year int NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
        country char(2) NOT NULL,
        languages text[] NOT NULL,
        time_zone text NOT NULL,
        total_points int NOT NULL DEFAULT 0 CHECK (total_points >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_handle_ci ON users (lower(handle))`);

    await q.query(`
      CREATE TABLE skills (
        slug text PRIMARY KEY,
        title text NOT NULL,
        position int NOT NULL,
        prerequisites text[] NOT NULL
      )`);

    await q.query(`
      CREATE TABLE exercises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill_slug text NOT NULL REFERENCES skills(slug),
        seed int NOT NULL,
        prompt text NOT NULL,
        expected jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz
      )`);
    // At most one open exercise per learner and skill: reloading the page shows the same one.
    await q.query(
      `CREATE UNIQUE INDEX exercises_open_per_skill ON exercises (user_id, skill_slug) WHERE answered_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exercise_id uuid NOT NULL UNIQUE REFERENCES exercises(id) ON DELETE CASCADE,
        skill_slug text NOT NULL REFERENCES skills(slug),
        answer text NOT NULL,
        correct boolean NOT NULL,
        idempotency_key text NOT NULL,
        result jsonb NOT NULL,
        elapsed_ms int,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX attempts_user_time ON attempts (user_id, created_at)`);

    await q.query(`
      CREATE TABLE mastery (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill_slug text NOT NULL REFERENCES skills(slug),
        attempts int NOT NULL,
        correct int NOT NULL,
        streak int NOT NULL,
        best_streak int NOT NULL,
        p_known double precision NOT NULL CHECK (p_known >= 0 AND p_known <= 1),
        level text NOT NULL CHECK (level IN ('NOT_STARTED','ATTEMPTED','FAMILIAR','PROFICIENT','MASTERED')),
        recent_results text NOT NULL,
        attempts_since_progress int NOT NULL,
        proficient_at timestamptz,
        review_due_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, skill_slug)
      )`);

    await q.query(`
      CREATE TABLE activity_events (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill_slug text NOT NULL REFERENCES skills(slug),
        kind text NOT NULL CHECK (kind IN ('LESSON_VIEWED','VIDEO_PLAY','VIDEO_PAUSE','VIDEO_SEEK')),
        position_seconds real CHECK (position_seconds IS NULL OR position_seconds >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX activity_events_user_time ON activity_events (user_id, created_at)`);

    await q.query(`
      CREATE TABLE point_ledger (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL,
        amount int NOT NULL CHECK (amount > 0),
        source_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, source_key)
      )`);
    await q.query(`CREATE INDEX point_ledger_time ON point_ledger (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'point_ledger',
      'activity_events',
      'mastery',
      'attempts',
      'exercises',
      'skills',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
