// Compiles api, worker and the libs they use to ESM in dist/ with swc (decorator metadata on, workspace
// aliases rewritten, relative imports given their .js extensions). Type checking is `npm run typecheck`.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
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
    'dist',
    '--config-file',
    'swc.build.json',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
