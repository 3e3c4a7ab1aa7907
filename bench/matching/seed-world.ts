import type pg from 'pg';
import { CURRICULUM } from '@peerlift/domain';
import type { LiveStateService } from '@peerlift/api/tutoring/live/live-state.service';
import type { TutorPresenceState } from '@peerlift/api/tutoring/live/tutor-presence-state.service';

/** Skills each bench tutor is PROFICIENT in (chosen by a hash of their number, so runs are repeatable). */
export const SKILLS_PER_TUTOR = 3;
const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Asia/Tokyo',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'Asia/Kolkata',
];

/**
 * Tutors straight into Postgres (as sign-up and practice would leave them): adults, vetted, English, spread
 * over seven time zones, each PROFICIENT in SKILLS_PER_TUTOR skills. Learners: adults too, so the age rule
 * lets any tutor take any learner and the bench measures matching, not filtering. Returns the ids.
 */
export async function seedPeople(
  sql: pg.Pool,
  opts: { tutors: number; learners: number },
): Promise<{ tutors: string[]; learners: string[] }> {
  const adult = new Date().getUTCFullYear() - 30;
  const insert = async (prefix: string, n: number, vetted: boolean) => {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO users (handle, password_hash, role, birth_year, country, languages, time_zone, vetted)
       SELECT $1 || i, 'bench-no-password', 'LEARNER', $2, 'NZ', '{en}', ($3::text[])[1 + i % $4], $5
       FROM generate_series(1, $6) i RETURNING id`,
      [prefix, adult, ZONES, ZONES.length, vetted, n],
    );
    return rows.map((r) => r.id);
  };
  const tutors = await insert('bt_', opts.tutors, true);
  const learners = await insert('bl_', opts.learners, false);
  const slugs = CURRICULUM.map((s) => s.slug);
  for (let k = 0; k < SKILLS_PER_TUTOR; k++) {
    await sql.query(
      `INSERT INTO mastery (user_id, skill_slug, attempts, correct, streak, best_streak, p_known, level, recent_results,
                            attempts_since_progress, proficient_at)
       SELECT u.id, ($2::text[])[1 + ((hashtext(u.id::text || $3) & 2147483647) % $4)], 12, 12, 12, 12,
              0.9 + 0.09 * ((hashtext(u.id::text || 'p' || $3) & 1023) / 1023.0),
              CASE WHEN (hashtext(u.id::text || 'm' || $3) & 1023) < 307 THEN 'MASTERED' ELSE 'PROFICIENT' END,
              '1111111111', 0, now() - interval '2 days'
       FROM unnest($1::uuid[]) u(id)
       ON CONFLICT (user_id, skill_slug) DO NOTHING`,
      [tutors, slugs, String(k), slugs.length],
    );
  }
  return { tutors, learners };
}

/** Makes every tutor available with their proficient skills (what setAvailability does, minus GraphQL). */
export async function makeAvailable(
  sql: pg.Pool,
  presence: TutorPresenceState,
): Promise<Map<string, string[]>> {
  const { rows } = await sql.query<{ user_id: string; skills: string[] }>(
    `SELECT user_id, array_agg(skill_slug ORDER BY skill_slug) AS skills FROM mastery
     WHERE level IN ('PROFICIENT', 'MASTERED') AND user_id IN (SELECT id FROM users WHERE handle LIKE 'bt\\_%')
     GROUP BY user_id`,
  );
  await inChunks(rows, 500, (r) => presence.setAvailable(r.user_id, r.skills));
  return new Map(rows.map((r) => [r.user_id, r.skills]));
}

/** A backlog of waiting requests, committed and in line (what requestHelp leaves behind). */
export async function seedBacklog(
  sql: pg.Pool,
  live: LiveStateService,
  learners: string[],
): Promise<string[]> {
  const slugs = CURRICULUM.map((s) => s.slug);
  const { rows } = await sql.query<{
    id: string;
    learner_id: string;
    skill_slug: string;
    created_ms: string;
  }>(
    `INSERT INTO help_requests (learner_id, skill_slug, state, expires_at)
     SELECT l.id, ($2::text[])[1 + ((hashtext(l.id::text) & 2147483647) % $3)], 'WAITING', now() + interval '30 minutes'
     FROM unnest($1::uuid[]) l(id)
     RETURNING id, learner_id, skill_slug, (extract(epoch FROM created_at) * 1000)::bigint AS created_ms`,
    [learners, slugs, slugs.length],
  );
  await inChunks(rows, 500, (r) =>
    live.enqueue({
      id: r.id,
      skillSlug: r.skill_slug,
      learnerId: r.learner_id,
      createdMs: Number(r.created_ms),
    }),
  );
  return rows.map((r) => r.id);
}

/** Runs `fn` over `items`, `size` at a time. */
export async function inChunks<T>(
  items: readonly T[],
  size: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}
