import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gamification: learner progress (daily streak, freezes, badge counters), badges awarded (Open Badges
 * assertions), the leaderboard outbox and weekly league cohorts. See docs/gamification.md.
 */
export class Gamification1763870200000 implements MigrationInterface {
  name = 'Gamification1763870200000';

  async up(q: QueryRunner): Promise<void> {
    // Per-learner ledger reads (week sums, the per-minute cap, leaderboard recomputes) stay index-only.
    await q.query(
      `CREATE INDEX point_ledger_user_time ON point_ledger (user_id, created_at) INCLUDE (amount, reason)`,
    );

    await q.query(`
      CREATE TABLE learner_progress (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        streak_current int NOT NULL DEFAULT 0 CHECK (streak_current >= 0),
        streak_longest int NOT NULL DEFAULT 0 CHECK (streak_longest >= streak_current),
        last_practice_day text CHECK (last_practice_day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        freezes int NOT NULL DEFAULT 0 CHECK (freezes BETWEEN 0 AND 2),
        freezes_used int NOT NULL DEFAULT 0 CHECK (freezes_used >= 0),
        days_away int CHECK (days_away >= 1),
        correct_today int NOT NULL DEFAULT 0 CHECK (correct_today >= 0),
        total_correct int NOT NULL DEFAULT 0 CHECK (total_correct >= 0),
        fast_correct_in_a_row int NOT NULL DEFAULT 0 CHECK (fast_correct_in_a_row >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per award = one hosted Open Badges assertion (id is the public assertion id). A deleted
    // account leaves its assertions behind, revoked and without a user, so their URLs answer 410 Gone.
    await q.query(`
      CREATE TABLE user_badges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        badge_slug text NOT NULL CHECK (badge_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        awarded_at timestamptz NOT NULL DEFAULT now(),
        recipient_type text NOT NULL CHECK (recipient_type IN ('email', 'url')),
        recipient_salt text NOT NULL CHECK (char_length(recipient_salt) >= 16),
        recipient_hash text NOT NULL CHECK (recipient_hash ~ '^sha256\\$[0-9a-f]{64}$'),
        revoked_at timestamptz,
        revocation_reason text,
        UNIQUE (user_id, badge_slug),
        CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
        CHECK (user_id IS NOT NULL OR revoked_at IS NOT NULL)
      )`);

    // Written in the same transaction as ledger entries (and by the triggers below); drained by the
    // worker into Redis. No foreign key: removals for deleted accounts travel through it too.
    await q.query(`
      CREATE TABLE leaderboard_outbox (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL,
        remove_from text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE league_cohorts (
        cohort_key text PRIMARY KEY,
        week_key text NOT NULL CHECK (week_key ~ '^\\d{4}-W\\d{2}$'),
        tier text NOT NULL,
        arm_key text NOT NULL,
        sequence int NOT NULL CHECK (sequence >= 0),
        member_count int NOT NULL DEFAULT 0 CHECK (member_count >= 0),
        rolled_over_at timestamptz,
        UNIQUE (week_key, tier, arm_key, sequence)
      )`);
    await q.query(
      `CREATE INDEX league_cohorts_pending ON league_cohorts (week_key) WHERE rolled_over_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE league_members (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        week_key text NOT NULL,
        cohort_key text NOT NULL REFERENCES league_cohorts(cohort_key),
        tier text NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        final_rank int,
        outcome text CHECK (outcome IN ('PROMOTED', 'STAYED', 'DEMOTED')),
        next_tier text,
        PRIMARY KEY (user_id, week_key)
      )`);
    await q.query(`CREATE INDEX league_members_cohort ON league_members (cohort_key)`);

    await this.createTriggers(q);
  }

  /**
   * Whoever deletes an account or changes a classroom's members (another feature, an admin, a cascade),
   * the boards follow through the outbox and the account's assertions are revoked — no caller can forget.
   */
  private async createTriggers(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION gamification_user_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE user_badges SET revoked_at = now(), revocation_reason = 'The earner deleted their Peerlift account.'
        WHERE user_id = OLD.id AND revoked_at IS NULL;
        INSERT INTO leaderboard_outbox (user_id, remove_from)
        VALUES (OLD.id, ARRAY['GLOBAL', 'COUNTRY:' || OLD.country]
          || ARRAY(SELECT 'CLASSROOM:' || classroom_id FROM classroom_members WHERE user_id = OLD.id));
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_gamification_deleted BEFORE DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION gamification_user_deleted()`);
    await q.query(`
      CREATE FUNCTION gamification_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO leaderboard_outbox (user_id, remove_from) VALUES (OLD.user_id, ARRAY['CLASSROOM:' || OLD.classroom_id]);
          RETURN OLD;
        END IF;
        INSERT INTO leaderboard_outbox (user_id) VALUES (NEW.user_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER classroom_members_gamification AFTER INSERT OR DELETE ON classroom_members
      FOR EACH ROW EXECUTE FUNCTION gamification_membership_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS classroom_members_gamification ON classroom_members`);
    await q.query(`DROP TRIGGER IF EXISTS users_gamification_deleted ON users`);
    await q.query(`DROP FUNCTION IF EXISTS gamification_membership_changed()`);
    await q.query(`DROP FUNCTION IF EXISTS gamification_user_deleted()`);
    for (const t of [
      'league_members',
      'league_cohorts',
      'leaderboard_outbox',
      'user_badges',
      'learner_progress',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP INDEX IF EXISTS point_ledger_user_time`);
  }
}
