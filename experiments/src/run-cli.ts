// Executable entry of the analyst CLI (see cli.ts): `tsx experiments/src/run-cli.ts analyze FILE.json`.
// Kept apart from cli.ts so importing `main` (tests, other wrappers) never runs it.
import { writeFileSync } from 'node:fs';
// This entry is the project's one I/O edge: `report` reads the live database. Everything it runs is
// the driver-free code of this project; only the connection is made here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import pg from 'pg';
import { main } from './cli';
import { reportCommand } from './report-command';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/peerlift';

async function runReport(args: string[]): Promise<number> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, max: 2 });
  try {
    return await reportCommand(args, {
      query: async <T>(sql: string, params: readonly unknown[] = []) =>
        (await pool.query(sql, [...params])).rows as T[],
      writeFile: (path, text) => writeFileSync(path, text),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (error) {
    process.stderr.write(`experiments: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'report') {
  void runReport(rest).then((code) => {
    process.exitCode = code;
  });
} else {
  process.exitCode = main(process.argv.slice(2));
}
