// `npm test`: the whole suite — pure unit tests, then integration and end-to-end tests on real Postgres
// and Redis. Two Jest invocations because the int tier runs as native ESM (NestJS 12 is ESM-only) and the
// unit tier does not; results go to artifacts/ so .ci/run can count them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, existsSync, readdirSync, rmSync } from 'node:fs';

mkdirSync('artifacts', { recursive: true });
const extra = process.argv.slice(2);
const jest = 'node_modules/jest/bin/jest.js';
const runs = [
  { name: 'unit', node: [], args: ['--selectProjects', 'unit'] },
  {
    name: 'int',
    node: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
    args: ['--selectProjects', 'int', '--maxWorkers=2'],
  },
];
let failed = false;
// The web app's pure .ts modules are tested with Node's own runner (they import Svelte-free code only).
const webOut = 'artifacts/node-web.tap';
if (existsSync(webOut)) rmSync(webOut);
const web = spawnSync(
  'node',
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=../${webOut}`,
    ...readdirSync('web/src', { recursive: true })
      .filter((f) => f.endsWith('.spec.ts'))
      .map((f) => `src/${f}`),
  ],
  { stdio: 'inherit', cwd: 'web' },
);
if (web.status !== 0) failed = true;
for (const run of runs) {
  const out = `artifacts/jest-${run.name}.json`;
  if (existsSync(out)) rmSync(out);
  const res = spawnSync('node', [...run.node, jest, ...run.args, '--json', `--outputFile=${out}`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  if (res.status !== 0) failed = true;
}

process.exit(failed ? 1 : 0);
