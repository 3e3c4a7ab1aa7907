import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used by the api processes of this run (Linux /proc), so the benchmark can state the api's CPU
 * cost per request — a figure that does not depend on what else the machine is running, unlike requests/s.
 */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The running processes for which `matches(cmdline, environ)` holds. */
function pidsWhere(matches: (cmdline: string, environ: () => string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (matches(cmdline, () => readFileSync(`/proc/${entry}/environ`, 'utf8'))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked, or is not ours to read
    }
  }
  return pids;
}

/** This run's api processes (told apart from other runs' by their Redis prefix). */
export function apiPids(redisPrefix: string): number[] {
  return pidsWhere(
    (cmdline, environ) =>
      cmdline.includes('dist/api/src/main.js') &&
      environ().split('\0').includes(`REDIS_PREFIX=${redisPrefix}`),
  );
}

/** Processes whose command line includes `fragment` (e.g. a worker build's main.js). */
export function pidsRunning(fragment: string): number[] {
  return pidsWhere((cmdline) => cmdline.includes(fragment));
}

/** Redis's server processes running now. */
export function redisPids(): number[] {
  return pidsWhere((cmdline) => cmdline.startsWith('redis-server'));
}

/** PostgreSQL's server processes (every backend and helper) running now. */
export function postgresPids(): number[] {
  return pidsWhere((cmdline) => cmdline.startsWith('postgres'));
}

/** User + system CPU milliseconds consumed so far by these processes. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended since it was listed: what it used is lost to the count
    }
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

/** This process's own user + system CPU milliseconds so far. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
