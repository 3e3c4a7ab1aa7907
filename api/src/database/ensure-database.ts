import pg from 'pg';

/** Thrown with one line a person can act on when a service is unreachable. */
export class ServiceUnavailableError extends Error {}

const HOW_TO_START_POSTGRES =
  'start it (e.g. `pg_ctlcluster 15 main start`, or `docker compose up -d postgres redis`)';

/** Creates the database named in `url` when it does not exist yet, connecting to the server's `postgres` db. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new ServiceUnavailableError(
      `Cannot reach PostgreSQL at ${redact(url)} (${(e as Error).message}); ${HOW_TO_START_POSTGRES}.`,
    );
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (e) {
    // Two processes racing to create it is fine; anything else is not.
    if ((e as { code?: string }).code !== '42P04') throw e;
  } finally {
    await client.end();
  }
}

/** Hides a password in a connection URL before printing it. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}
