import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peer tutoring (docs/tutoring.md): help requests, exclusive offers, sessions with chat, ratings, reports and
 * blocks. Postgres is the source of truth; the partial unique indexes are the last line of the invariants
 * "no tutor in two live sessions, no request matched twice" behind the Redis claims.
 */
export class Tutoring1763870300000 implements MigrationInterface {
  name = 'Tutoring1763870300000';

  async up(q: QueryRunner): Promise<void> {
    // Age-band rules: adults tutoring minors must be vetted; under-13s are matched with verified coaches only.
    await q.query(`ALTER TABLE users
      ADD COLUMN vetted boolean NOT NULL DEFAULT false,
      ADD COLUMN verified_coach boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE help_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill_slug text NOT NULL REFERENCES skills(slug),
        note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
        state text NOT NULL CHECK (state IN ('WAITING','OFFERED','MATCHED','CLOSED','EXPIRED','CANCELLED')),
        -- Fencing token of the claim that holds the request (OFFERED) or matched it; NULL before any claim.
        fence bigint,
        current_offer_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        matched_at timestamptz,
        closed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX help_requests_one_open ON help_requests (learner_id)
      WHERE state IN ('WAITING','OFFERED','MATCHED')`);
    await q.query(
      `CREATE INDEX help_requests_in_line ON help_requests (expires_at) WHERE state IN ('WAITING','OFFERED')`,
    );
    await q.query(`CREATE INDEX help_requests_learner_time ON help_requests (learner_id, created_at)`);
    await q.query(`CREATE INDEX help_requests_skill_time ON help_requests (skill_slug, created_at)`);
    // A learner's place in line: the open requests of the skill, oldest first.
    await q.query(`CREATE INDEX help_requests_open_line ON help_requests (skill_slug, created_at)
      WHERE state IN ('WAITING','OFFERED')`);

    await q.query(`
      CREATE TABLE tutoring_offers (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES help_requests(id) ON DELETE CASCADE,
        tutor_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('PENDING','ACCEPTED','DECLINED','EXPIRED','WITHDRAWN')),
        fence bigint NOT NULL,
        cost double precision,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        responded_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX tutoring_offers_pending_request ON tutoring_offers (request_id) WHERE state = 'PENDING'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX tutoring_offers_pending_tutor ON tutoring_offers (tutor_id) WHERE state = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX tutoring_offers_pending_expiry ON tutoring_offers (expires_at) WHERE state = 'PENDING'`,
    );
    await q.query(`CREATE INDEX tutoring_offers_tutor_time ON tutoring_offers (tutor_id, created_at)`);
    await q.query(`CREATE INDEX tutoring_offers_request ON tutoring_offers (request_id)`);

    await q.query(`
      CREATE TABLE tutoring_sessions (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL UNIQUE REFERENCES help_requests(id) ON DELETE CASCADE,
        offer_id uuid NOT NULL UNIQUE REFERENCES tutoring_offers(id) ON DELETE CASCADE,
        tutor_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill_slug text NOT NULL REFERENCES skills(slug),
        state text NOT NULL CHECK (state IN ('LIVE','ENDED')),
        -- Contact details are masked in chats involving a minor; decided once when the session starts.
        involves_minor boolean NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_by uuid REFERENCES users(id) ON DELETE SET NULL,
        -- Counted as a completed session (paid, badges): see session-completion.ts.
        completed boolean NOT NULL DEFAULT false,
        CHECK (tutor_id <> learner_id),
        CHECK ((state = 'LIVE') = (ended_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX tutoring_sessions_tutor_live ON tutoring_sessions (tutor_id) WHERE state = 'LIVE'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX tutoring_sessions_learner_live ON tutoring_sessions (learner_id) WHERE state = 'LIVE'`,
    );
    await q.query(`CREATE INDEX tutoring_sessions_tutor_time ON tutoring_sessions (tutor_id, started_at)`);
    await q.query(
      `CREATE INDEX tutoring_sessions_learner_skill ON tutoring_sessions (learner_id, skill_slug, started_at)`,
    );
    await q.query(`CREATE INDEX tutoring_sessions_skill_time ON tutoring_sessions (skill_slug, started_at)`);
    await q.query(`CREATE INDEX tutoring_sessions_completed ON tutoring_sessions (ended_at) WHERE completed`);

    await q.query(`
      CREATE TABLE session_messages (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES tutoring_sessions(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- What the participants see (contact details masked when the session involves a minor).
        text text NOT NULL,
        -- What was typed, kept for moderation only; never returned to participants.
        original_text text NOT NULL CHECK (char_length(original_text) BETWEEN 1 AND 2000),
        masked boolean NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX session_messages_session ON session_messages (session_id, id)`);

    await q.query(`
      CREATE TABLE session_ratings (
        session_id uuid NOT NULL REFERENCES tutoring_sessions(id) ON DELETE CASCADE,
        rater_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        stars int NOT NULL CHECK (stars BETWEEN 1 AND 5),
        helpful boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, rater_id)
      )`);

    await q.query(`
      CREATE TABLE user_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reporter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reported_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        session_id uuid REFERENCES tutoring_sessions(id) ON DELETE SET NULL,
        reason text NOT NULL CHECK (reason IN ('CONTACT_SHARING','HARASSMENT','INAPPROPRIATE','SPAM','OTHER')),
        details text NOT NULL DEFAULT '' CHECK (char_length(details) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (reporter_id <> reported_user_id)
      )`);
    await q.query(`CREATE INDEX user_reports_reported ON user_reports (reported_user_id, created_at)`);

    await q.query(`
      CREATE TABLE user_blocks (
        blocker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        blocked_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CHECK (blocker_id <> blocked_id)
      )`);
    await q.query(`CREATE INDEX user_blocks_blocked ON user_blocks (blocked_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'user_blocks',
      'user_reports',
      'session_ratings',
      'session_messages',
      'tutoring_sessions',
      'tutoring_offers',
      'help_requests',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS vetted, DROP COLUMN IF EXISTS verified_coach`);
  }
}
