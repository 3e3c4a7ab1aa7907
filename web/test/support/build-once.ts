// Builds the app the way `npm start` does — api and worker compiled by swc with swc.build.json (as
// scripts/build-server.mjs does), the web app by Vite with adapter-static — exactly once per Jest run,
// however many browser-test files run in parallel, into this run's private directory (paths.ts). The
// first file to create the lock directory builds; the others wait for its verdict.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, runBuildDir, serverBuildDir, WEB_BUILD_PREFIX, webBuildDir } from './paths';

const run = promisify(execFile);
const WAIT_LIMIT_MS = 5 * 60_000;
/** Older than any test run lasts: only leftovers of finished runs are removed. */
const STALE_MS = 6 * 3600_000;
/** The sources scripts/build-server.mjs compiles. */
const SERVER_SOURCES = ['api/src', 'worker/src', 'libs/domain/src', 'libs/contracts/src', 'experiments/src'];

async function build(): Promise<void> {
  await run('npx', ['swc', ...SERVER_SOURCES, '-d', serverBuildDir(), '--config-file', 'swc.build.json', '--quiet'], {
    cwd: REPO_ROOT,
    maxBuffer: 32 << 20,
  });
  await run('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: join(REPO_ROOT, 'web'),
    // Jest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: without this the tests would run Svelte's
    // development build (bigger, with dev-only checks) instead of the production build `npm start` serves.
    env: { ...process.env, NODE_ENV: 'production', PEERLIFT_WEB_BUILD_DIR: webBuildDir() },
    maxBuffer: 32 << 20,
  });
}

/** Builds of earlier runs are removed once they are old enough that no run can still be using them. */
function removeStaleBuilds(current: string[]): void {
  for (const parent of new Set(current.map((dir) => dirname(dir)))) {
    for (const name of existsSync(parent) ? readdirSync(parent) : []) {
      const dir = join(parent, name);
      const ours = parent === tmpdir() ? name.startsWith(WEB_BUILD_PREFIX) : true;
      if (ours && !current.includes(dir) && Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function buildOnce(): Promise<void> {
  const dir = runBuildDir();
  const verdict = join(dir, 'verdict');
  mkdirSync(dirname(dir), { recursive: true });
  let owner = false;
  try {
    mkdirSync(dir);
    owner = true;
  } catch {
    owner = false; // another test file of this run is building (or has built)
  }
  if (owner) {
    removeStaleBuilds([dir, webBuildDir()]);
    try {
      await build();
      writeFileSync(verdict, 'ok');
    } catch (error) {
      const detail = error as { stderr?: string; message?: string };
      writeFileSync(verdict, `failed: ${detail.stderr || detail.message}`);
      throw error;
    }
    return;
  }
  const started = Date.now();
  while (!existsSync(verdict)) {
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error('Timed out waiting for the build of another test file');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const text = readFileSync(verdict, 'utf8');
  if (text !== 'ok') throw new Error(`The build failed in another test file: ${text}`);
}
