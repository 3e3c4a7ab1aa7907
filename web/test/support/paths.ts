import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'artifacts/screenshots');

/**
 * This run's private build: the api and worker compiled like scripts/build-server.mjs, and the web app,
 * in a directory of its own inside the repository (so the compiled server still finds node_modules) —
 * a `build-server.mjs` run elsewhere (a benchmark, npm start) empties dist/ and must not pull files from
 * under running tests.
 */
export function runBuildDir(): string {
  const runId = process.env.PEERLIFT_TEST_RUN;
  if (!runId) throw new Error('PEERLIFT_TEST_RUN is not set: run the browser tests through jest');
  return join(REPO_ROOT, '.peerlift', 'web-e2e', runId);
}

export const serverBuildDir = () => join(runBuildDir(), 'server');

/**
 * The web build lives outside the repository: Express refuses to send files whose path has a dot-directory
 * in it (.peerlift), and static files need no node_modules.
 */
export const webBuildDir = () => join(tmpdir(), `${WEB_BUILD_PREFIX}${process.env.PEERLIFT_TEST_RUN ?? 'none'}`);

/** Checkouts share /tmp: each names (and cleans up) only its own web builds. */
export const WEB_BUILD_PREFIX = `peerlift-web-e2e-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 8)}-`;
