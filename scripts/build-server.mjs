// Compiles api, worker and the libs they use to ESM in dist/ with swc (decorator metadata on, workspace
// aliases rewritten, relative imports given their .js extensions). Type checking is `npm run typecheck`.
// `node scripts/build-server.mjs [outDir]` (default dist/): tests and benchmarks build private copies.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const outDir = process.argv[2] ?? 'dist';
rmSync(outDir, { recursive: true, force: true });
execFileSync(
  'npx',
  [
    'swc',
    'api/src',
    'worker/src',
    'libs/domain/src',
    'libs/contracts/src',
    'experiments/src',
    '-d',
    outDir,
    '--config-file',
    'swc.build.json',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
