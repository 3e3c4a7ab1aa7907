import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Bench databases and Redis prefixes are named per run and dropped at the end. */
export interface BenchStack {
  url: string;
  databaseUrl: string;
  sql: pg.Pool;
  stop(): Promise<void>;
}

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Builds the server, migrates a fresh database, and runs `instances` api processes (NODE_ENV=production,
 * as deployed) behind consecutive ports. Returns the first URL; callers spread load with `urls()`.
 */
export async function startBenchStack(
  opts: { port?: number; instances?: number; env?: Record<string, string> } = {},
) {
  const id = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/peerlift_bench_${id}`;
  const port = opts.port ?? (await freePort());
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `pl_bench_${id}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    WEB_ROOT: '',
    ...opts.env,
  };
  run('node', ['scripts/build-server.mjs'], env);
  run('node', ['dist/api/src/cli.js', 'migrate'], env);
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < (opts.instances ?? 1); i++) {
    // BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the api under load.
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // The api's production flags, as scripts/start.mjs and the Dockerfile give them.
    const child = spawn('node', ['--max-semi-space-size=32', ...nodeArgs, 'dist/api/src/main.js'], {
      env: { ...env, PORT: String(port + i) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    urls.push(`http://127.0.0.1:${port + i}`);
  }
  for (const url of urls) await waitForHealth(url);
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  return {
    url: urls[0],
    urls,
    databaseUrl,
    sql,
    env,
    stop: async () => {
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(
        children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
      );
      await sql.end();
      // BENCH_KEEP_DATABASE=1 leaves the database behind for inspection (EXPLAIN on the data a run made).
      if (process.env.BENCH_KEEP_DATABASE === '1') return console.error(`kept database peerlift_bench_${id}`);
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS peerlift_bench_${id} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A free base port (checked with its neighbours), so two benchmarks can run at once. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = (port: number) =>
    new Promise<boolean>((resolve) => {
      const srv = createServer().once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  for (let port = 39000 + (process.pid % 400) * 4; port < 42000; port += 4) {
    if ((await Promise.all([0, 1, 2, 3].map((i) => probe(port + i)))).every(Boolean)) return port;
  }
  throw new Error('no free port');
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const res = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`api at ${url} did not become healthy`);
}
