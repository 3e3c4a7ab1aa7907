import { applyAttempt, CURRICULUM, initialMasteryState, type MasteryState } from '@peerlift/domain';
import { hashPassword } from '../auth/password-hashing';
import { masteryRowValues } from '../curriculum/mastery-row';
import { MASTERY_COLUMNS } from '../curriculum/mastery-row';
import { createDataSource } from './data-source';

export const DEMO_COACH = { handle: 'coach_demo', password: 'demo-coach-pass-2026' };
export const DEMO_LEARNER_PASSWORD = 'demo-learner-pass-2026';
export const DEMO_JOIN_CODE = 'DEMO42';

/** Each demo learner's answers per skill, in teaching order: 'C' right, 'W' wrong. */
const LEARNERS: {
  handle: string;
  birthYear: number;
  country: string;
  timeZone: string;
  answers: string[];
}[] = [
  {
    handle: 'maya_demo',
    birthYear: 2011,
    country: 'NZ',
    timeZone: 'Pacific/Auckland',
    answers: ['CCCCCCCCCC', 'CCCCCCCCCC', 'CCCWCCC'],
  },
  {
    handle: 'tane_demo',
    birthYear: 2010,
    country: 'NZ',
    timeZone: 'Pacific/Auckland',
    answers: ['CCCCCCCCCC', 'WWCWW'],
  },
  {
    handle: 'lucia_demo',
    birthYear: 2012,
    country: 'ES',
    timeZone: 'Europe/Madrid',
    answers: ['CCCCCCCCCC', 'CCCCCCCCCC', 'CCCCCCCCCC', 'CCCC'],
  },
  { handle: 'kenji_demo', birthYear: 2009, country: 'JP', timeZone: 'Asia/Tokyo', answers: ['CCWCC'] },
];

/**
 * A small world to click around in: a coach with a classroom (join code DEMO42) and four learners with
 * some progress. Skipped when the demo coach already exists, so `npm start` can run it every time.
 */
export async function seedDemoWorld(url: string): Promise<string> {
  const db = await createDataSource(url, { poolSize: 2 }).initialize();
  try {
    const existing = await db.query<unknown[]>(`SELECT 1 FROM users WHERE lower(handle) = $1`, [
      DEMO_COACH.handle,
    ]);
    if (existing.length) return 'demo world already present';
    await db.transaction(async (m) => {
      const [coach] = await m.query<{ id: string }[]>(
        `INSERT INTO users (handle, password_hash, role, birth_year, country, languages, time_zone)
         VALUES ($1, $2, 'COACH', 1985, 'NZ', '{en}', 'Pacific/Auckland') RETURNING id`,
        [DEMO_COACH.handle, await hashPassword(DEMO_COACH.password)],
      );
      const [room] = await m.query<{ id: string }[]>(
        `INSERT INTO classrooms (coach_id, name, join_code) VALUES ($1, 'Room 7 — Demo', $2) RETURNING id`,
        [coach.id, DEMO_JOIN_CODE],
      );
      const learnerHash = await hashPassword(DEMO_LEARNER_PASSWORD);
      for (const learner of LEARNERS) {
        const [user] = await m.query<{ id: string }[]>(
          `INSERT INTO users (handle, password_hash, role, birth_year, country, languages, time_zone)
           VALUES ($1, $2, 'LEARNER', $3, $4, '{en}', $5) RETURNING id`,
          [learner.handle, learnerHash, learner.birthYear, learner.country, learner.timeZone],
        );
        await m.query(`INSERT INTO classroom_members (classroom_id, user_id) VALUES ($1, $2)`, [
          room.id,
          user.id,
        ]);
        let points = 0;
        for (const [i, answers] of learner.answers.entries()) {
          const state = replay(answers);
          await m.query(
            `INSERT INTO mastery (user_id, ${MASTERY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [user.id, CURRICULUM[i].slug, ...masteryRowValues(state)],
          );
          points += state.correct * 15;
        }
        await m.query(
          `INSERT INTO point_ledger (user_id, reason, amount, source_key) VALUES ($1, 'CORRECT_ANSWER', $2, 'demo-seed')`,
          [user.id, points],
        );
        await m.query(`UPDATE users SET total_points = $2 WHERE id = $1`, [user.id, points]);
      }
    });
    return `demo world seeded: coach "${DEMO_COACH.handle}" / "${DEMO_COACH.password}", learners ${LEARNERS.map((l) => l.handle).join(', ')} / "${DEMO_LEARNER_PASSWORD}", join code ${DEMO_JOIN_CODE}`;
  } finally {
    await db.destroy();
  }
}

function replay(answers: string): MasteryState {
  let state = initialMasteryState();
  const start = Date.now() - answers.length * 60_000;
  for (const [i, a] of [...answers].entries()) {
    state = applyAttempt(state, {
      correct: a === 'C',
      now: new Date(start + i * 60_000),
      streakToProficient: 10,
    }).state;
  }
  return state;
}
