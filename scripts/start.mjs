// `npm start`: build, migrate, seed the knowledge map and a demo world, build the web app, then run the api
// and the worker side by side. Ctrl-C stops both cleanly (each finishes what it is doing first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const step = (title, cmd, args, cwd = '.') => {
  console.log(`\n▸ ${title}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd });
  if (res.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(res.status ?? 1);
  }
};

step('Building api and worker', 'node', ['scripts/build-server.mjs']);
step('Migrating the database and seeding the knowledge map', 'node', ['dist/api/src/cli.js', 'migrate']);
step('Seeding the demo world (skipped if already there)', 'node', ['dist/api/src/cli.js', 'seed-demo']);
if (existsSync('web/package.json'))
  step('Building the web app', 'npx', ['vite', 'build', '--logLevel', 'warn'], 'web');

const children = [
  // A larger young generation: fewer scavenges on the request path (docs/decisions.md, "api node flags").
  spawn('node', ['--max-semi-space-size=32', 'dist/api/src/main.js'], { stdio: 'inherit' }),
  spawn('node', ['dist/worker/src/main.js'], { stdio: 'inherit' }),
];
let stopping = false;
// The api prints its own URL too; this line is the one to look for once both are up.
const url = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 3000}`;
(async () => {
  for (let i = 0; i < 120 && !stopping; i++) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return console.log(`\n✔ Peerlift is running at ${url}  (Ctrl-C stops api and worker)\n`);
    await new Promise((r) => setTimeout(r, 500));
  }
})();
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
let exited = 0;
for (const c of children) {
  c.on('exit', (code) => {
    exited += 1;
    if (!stopping && code !== 0) stop('SIGTERM'); // one died: take the other down too
    if (exited === children.length) process.exit(stopping && code === null ? 0 : (code ?? 0));
  });
}
