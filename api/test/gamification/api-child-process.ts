import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/**
 * The real api as a separate process (so a test can kill it), built from the current sources with the
 * same swc settings as `npm run build:server`, into a scratch directory inside the repository (so its
 * imports resolve to the repository's node_modules).
 */
export class ApiChildProcess {
  private constructor(
    readonly url: string,
    readonly child: ChildProcess,
    private readonly buildDir: string,
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ) {}

  static async start(env: Record<string, string>): Promise<ApiChildProcess> {
    const buildDir = resolve('.peerlift', `test-build-${randomBytes(4).toString('hex')}`);
    const build = spawnSync('node', ['scripts/build-server.mjs', buildDir], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`swc build failed: ${build.stderr}`);
    const port = await freePort();
    const child = spawn('node', [resolve(buildDir, 'api/src/main.js')], {
      env: { PATH: process.env.PATH, ...env, PORT: String(port), HOST: '127.0.0.1', WEB_ROOT: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    const api = new ApiChildProcess(`http://127.0.0.1:${port}`, child, buildDir, exited);
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`api child exited during start-up: ${stderr}`);
      if (
        await fetch(`${api.url}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return api;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`api child did not become healthy: ${stderr}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
    rmSync(this.buildDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
