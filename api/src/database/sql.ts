import type { EntityManager } from 'typeorm';

/**
 * Runs SQL inside a TypeORM transaction and returns its rows. Hot paths use SQL for one round trip per
 * statement; the structured result avoids TypeORM's `[rows, count]` shape for UPDATE … RETURNING.
 */
export async function sqlRows<T>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = m.queryRunner;
  if (!runner) throw new Error('sqlRows needs a transactional EntityManager');
  const result = (await runner.query(sql, params, true)) as { records: T[] };
  return result.records;
}

/** The Postgres error code for a unique violation, and the constraint it names. */
export function uniqueViolation(e: unknown): string | null {
  const err = e as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = err.code ?? err.driverError?.code;
  return code === '23505' ? (err.constraint ?? err.driverError?.constraint ?? '') : null;
}
