// The app as `npm start` runs it: the compiled `api/src/main.js` and `worker/src/main.js` (from this run's
// private build, see build-once.ts) as child processes, on a fresh database cloned from the run's migrated
// template and a Redis prefix of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';
import { createTestServices } from '../../../api/test/support/test-database';
import { join } from 'node:path';
import { REPO_ROOT, serverBuildDir, webBuildDir } from './paths';

export const TEST_JWT_SECRET = 'browser-test-secret-that-is-long-enough-0123456789';

export interface AppStack {
  url: string;
  /** A pool on this stack's database, for arranging data and reading expected answers. */
  sql: pg.Pool;
  /** Everything the api and worker printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startProcess(script: string, env: NodeJS.ProcessEnv, log: string[]): ChildProcess {
  const child = spawn(process.execPath, [join(serverBuildDir(), script)], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const name = script.includes('worker') ? 'worker' : 'api';
  child.stdout?.on('data', (chunk: Buffer) => log.push(`[${name}] ${chunk.toString()}`));
  child.stderr?.on('data', (chunk: Buffer) => log.push(`[${name}!] ${chunk.toString()}`));
  return child;
}

async function waitForHealth(url: string, children: ChildProcess[], log: string[]): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) throw new Error(`A server process exited with ${dead.exitCode}:\n${log.join('')}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The api did not become healthy:\n${log.join('')}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startAppStack(extraEnv: Record<string, string> = {}): Promise<AppStack> {
  const services = await createTestServices();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: services.redisPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    WEB_ROOT: webBuildDir(),
    ...extraEnv,
  };
  const log: string[] = [];
  const children = [startProcess('api/src/main.js', env, log), startProcess('worker/src/main.js', env, log)];
  const url = `http://127.0.0.1:${port}`;
  const sql = new pg.Pool({ connectionString: services.databaseUrl, max: 3 });
  try {
    await waitForHealth(url, children, log);
  } catch (error) {
    await Promise.all(children.map(stopProcess));
    await sql.end();
    throw error;
  }
  return {
    url,
    sql,
    output: () => log.join(''),
    stop: async () => {
      await Promise.all(children.map(stopProcess));
      await sql.end();
    },
  };
}
