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

/**
 * CPU milliseconds used so far by PostgreSQL: every server process running now, plus what the postmaster has
 * collected from children that exited (cutime + cstime). A difference of two readings is then exact even
 * though backends come and go meanwhile (a pool closing an idle connection and opening a new one), which a
 * list of processes taken at the start would miss.
 */
export function postgresCpuMs(): number {
  const pids = pidsWhere((cmdline) => cmdline.startsWith('postgres') || cmdline.includes('/bin/postgres'));
  const isPostgres = new Set(pids);
  let ms = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    if (!fields) continue;
    ms += ticksToMs(Number(fields[11]) + Number(fields[12]));
    // The postmaster (its parent is not Postgres): the time of its reaped children (backends that ended).
    if (!isPostgres.has(Number(fields[1]))) ms += ticksToMs(Number(fields[13]) + Number(fields[14]));
  }
  return ms;
}

/** /proc/<pid>/stat after the command name: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // ended since it was listed
  }
}

const ticksToMs = (ticks: number) => (ticks / TICKS_PER_SECOND) * 1000;

/** User + system CPU milliseconds consumed so far by these processes. */
export function cpuMs(pids: number[]): number {
  let ms = 0;
  // A process that ended since it was listed is skipped: what it used is lost to the count.
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields) ms += ticksToMs(Number(fields[11]) + Number(fields[12]));
  }
  return ms;
}

/** This process's own user + system CPU milliseconds so far. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
