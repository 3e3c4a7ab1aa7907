// `npm run bench -- <name> [args]`: runs bench/<name>/run.ts (submit-answer, leaderboard, matching,
// experiments), each printing one JSON document. Benchmarks are measurements, never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync('bench', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`bench/${d.name}/run.ts`))
  .map((d) => d.name);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const res = spawnSync('npx', ['tsx', `bench/${name}/run.ts`, ...args], { stdio: 'inherit' });
process.exit(res.status ?? 1);
