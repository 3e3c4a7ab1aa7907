import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joining the line for help and confirming an accepted offer, each as one call. Both must lock the users
 * first and only then check who is in a live session or in line: in READ COMMITTED a statement that waited
 * for a lock still reads the data it saw when it started, so the check has to be a second statement. As a
 * transaction from the api that was four and five round trips (BEGIN, lock, statement, COMMIT); inside a
 * function, each statement still takes its own snapshot, and the call is one round trip that commits on its
 * own. On bench/matching's two cores the round trips, not the statements, were most of what these cost.
 * The statements are the ones the api ran before (help-requests.service.ts, accept-offer.service.ts).
 */
export class TutoringFunctions1763870700000 implements MigrationInterface {
  name = 'TutoringFunctions1763870700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION join_help_line(p_learner uuid, p_skill text, p_note text, p_ttl_minutes int)
      RETURNS TABLE (id uuid, created_at timestamptz, created_ms bigint, expires_at timestamptz,
                     offer_id uuid, request_id uuid, skill_slug text)
      LANGUAGE plpgsql VOLATILE AS $fn$
      #variable_conflict use_column
      BEGIN
        -- Orders this against an accept that would put the same user in a session: the next statement
        -- takes a new snapshot, so it sees that accept's outcome.
        PERFORM 1 FROM users WHERE users.id = p_learner FOR NO KEY UPDATE;
        -- Refuse someone in a live session (id NULL), join the line, and — since someone in line for help
        -- is not free to tutor — hand an offer they hold as a tutor to the next tutor. WITHDRAWN is neither
        -- a decline nor a time-out, so it does not count against them.
        RETURN QUERY
        WITH live AS (
          SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND tutor_id = p_learner
          UNION ALL SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND learner_id = p_learner LIMIT 1),
        ins AS (
          INSERT INTO help_requests (learner_id, skill_slug, note, state, expires_at)
          SELECT p_learner, p_skill, p_note, 'WAITING', now() + make_interval(mins => p_ttl_minutes)
          WHERE NOT EXISTS (SELECT 1 FROM live)
          RETURNING help_requests.id, help_requests.created_at, help_requests.expires_at,
                    (extract(epoch FROM help_requests.created_at) * 1000)::bigint AS created_ms),
        w AS (
          UPDATE tutoring_offers SET state = 'WITHDRAWN', responded_at = now()
          WHERE tutor_id = p_learner AND state = 'PENDING' AND EXISTS (SELECT 1 FROM ins)
          RETURNING tutoring_offers.id, tutoring_offers.request_id),
        h AS (
          UPDATE help_requests r SET state = 'WAITING', current_offer_id = NULL
          FROM w WHERE r.id = w.request_id AND r.state = 'OFFERED' AND r.current_offer_id = w.id
          RETURNING w.id AS offer_id, r.id AS request_id, r.skill_slug)
        SELECT ins.id, ins.created_at, ins.created_ms, ins.expires_at, h.offer_id, h.request_id, h.skill_slug
        FROM (SELECT 1) one LEFT JOIN ins ON true LEFT JOIN h ON true;
      END
      $fn$`);
    await q.query(`
      CREATE FUNCTION confirm_accept(p_offer uuid, p_tutor uuid, p_fence bigint, p_request uuid,
                                     p_session uuid, p_learner uuid, p_skill text, p_minors_born_from int)
      RETURNS uuid
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        created uuid;
        v_minor boolean;
      BEGIN
        -- Both users, in id order: orders this against any other accept or help request involving either.
        -- Whether either may be a minor: born in or after p_minors_born_from (the rule is in libs/domain,
        -- firstBirthYearOfPossibleMinors).
        SELECT bool_or(u.birth_year >= p_minors_born_from) INTO v_minor
        FROM (SELECT birth_year FROM users WHERE users.id IN (p_tutor, p_learner)
              ORDER BY users.id FOR NO KEY UPDATE) u;
        -- The session is created only if neither user is in a live session, neither blocked the other,
        -- the tutor is not in line for help themselves, and both conditional updates hold on the claim's
        -- fencing token. Each condition is its own probe of an index.
        WITH free AS (
          SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND tutor_id = p_tutor)
            AND NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND learner_id = p_tutor)
            AND NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND tutor_id = p_learner)
            AND NOT EXISTS (SELECT 1 FROM tutoring_sessions WHERE state = 'LIVE' AND learner_id = p_learner)
            AND NOT EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = p_tutor AND blocked_id = p_learner)
            AND NOT EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = p_learner AND blocked_id = p_tutor)
            AND NOT EXISTS (SELECT 1 FROM help_requests
                            WHERE learner_id = p_tutor AND state IN ('WAITING', 'OFFERED'))),
        o AS (
          UPDATE tutoring_offers SET state = 'ACCEPTED', responded_at = now()
          WHERE id = p_offer AND tutor_id = p_tutor AND state = 'PENDING' AND fence = p_fence
            AND EXISTS (SELECT 1 FROM free)
          RETURNING id),
        h AS (
          UPDATE help_requests SET state = 'MATCHED', matched_at = now()
          WHERE id = p_request AND state = 'OFFERED' AND fence = p_fence AND current_offer_id = p_offer
            AND EXISTS (SELECT 1 FROM o)
          RETURNING id)
        INSERT INTO tutoring_sessions (id, request_id, offer_id, tutor_id, learner_id, skill_slug, state,
                                       involves_minor)
        SELECT p_session, p_request, p_offer, p_tutor, p_learner, p_skill, 'LIVE', v_minor
        WHERE EXISTS (SELECT 1 FROM h)
        RETURNING id INTO created;
        -- Nothing created: the offer or request moved on, or one of the pair is not free. Undo whatever
        -- did change (the offer may already say ACCEPTED) by failing the call.
        IF created IS NULL THEN
          RAISE EXCEPTION 'offer % is no longer available', p_offer USING ERRCODE = 'PL001';
        END IF;
        RETURN created;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION confirm_accept(uuid, uuid, bigint, uuid, uuid, uuid, text, int)`);
    await q.query(`DROP FUNCTION join_help_line(uuid, text, text, int)`);
  }
}
