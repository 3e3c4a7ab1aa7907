import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Experiment state, phases, exposures and result snapshots (DESIGN.md §4, Experiments).
 * Definitions are code; only what changes at run time lives here. A phase row keeps the definition as
 * it was when the phase started (locked) and its hash, so results are always read against the weights
 * and variations the learners actually got.
 */
export class Experiments1763870400000 implements MigrationInterface {
  name = 'Experiments1763870400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE experiments (
        key text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        status text NOT NULL CHECK (status IN ('draft','running','stopped')),
        phase int NOT NULL DEFAULT 0 CHECK (phase >= 0),
        started_at timestamptz,
        stopped_at timestamptz,
        winner text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'running' OR (phase > 0 AND started_at IS NOT NULL AND stopped_at IS NULL)),
        CHECK (winner IS NULL OR status = 'stopped')
      )`);
    await q.query(`
      CREATE TABLE experiment_phases (
        experiment_key text NOT NULL REFERENCES experiments(key) ON DELETE CASCADE,
        phase int NOT NULL CHECK (phase > 0),
        definition jsonb NOT NULL,
        definition_hash text NOT NULL,
        started_at timestamptz NOT NULL,
        stopped_at timestamptz,
        PRIMARY KEY (experiment_key, phase),
        CHECK (stopped_at IS NULL OR stopped_at >= started_at)
      )`);
    // One row per learner, experiment and phase (DESIGN.md invariant 5): the first variation seen wins.
    await q.query(`
      CREATE TABLE experiment_exposures (
        experiment_key text NOT NULL,
        phase int NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        variation_key text NOT NULL,
        hash_value text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        PRIMARY KEY (experiment_key, phase, user_id),
        FOREIGN KEY (experiment_key, phase) REFERENCES experiment_phases(experiment_key, phase) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE experiment_result_snapshots (
        experiment_key text NOT NULL,
        phase int NOT NULL,
        computed_at timestamptz NOT NULL,
        results jsonb NOT NULL,
        PRIMARY KEY (experiment_key, phase),
        FOREIGN KEY (experiment_key, phase) REFERENCES experiment_phases(experiment_key, phase) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'experiment_result_snapshots',
      'experiment_exposures',
      'experiment_phases',
      'experiments',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
