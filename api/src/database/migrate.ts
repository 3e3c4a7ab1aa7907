import { CURRICULUM } from '@peerlift/domain';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';

/**
 * Creates the database if missing, runs pending migrations, and upserts the code-defined knowledge map into
 * `skills` (so rows elsewhere can reference slugs). Safe to run again; safe for several processes at once
 * because migrations take an advisory lock.
 */
export async function migrateAndSeedCurriculum(url: string): Promise<void> {
  await ensureDatabase(url);
  const db = await createDataSource(url, { poolSize: 2 }).initialize();
  try {
    await db.query('SELECT pg_advisory_lock(727001)');
    await db.runMigrations({ transaction: 'each' });
    await upsertSkills(db);
  } finally {
    await db.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await db.destroy();
  }
}

async function upsertSkills(db: DataSource): Promise<void> {
  // Prerequisites travel as array literals ('{a,b}'): slugs are kebab-case, so no quoting is needed.
  await db.query(
    `INSERT INTO skills (slug, title, position, prerequisites)
     SELECT s.slug, s.title, s.position, s.prereqs::text[]
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS s(slug, title, position, prereqs)
     ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, position = EXCLUDED.position,
       prerequisites = EXCLUDED.prerequisites`,
    [
      CURRICULUM.map((s) => s.slug),
      CURRICULUM.map((s) => s.title),
      CURRICULUM.map((_, i) => i),
      CURRICULUM.map((s) => `{${s.prerequisites.join(',')}}`),
    ],
  );
}
