import { renderLiftChartSvg } from './lift-chart-svg';
import { loadExperimentResults } from './results/load-experiment-results';
import { renderResultsTable } from './results/results-table';
import type { SqlQuery } from './store/experiment-records';

/**
 * `experiments report KEY [--phase N] [--svg FILE]`: the results of a live (or stopped) experiment,
 * computed now from the database with the same SQL and statistics as the api, printed as a table; the
 * primary metric's lift with intervals is written as an SVG chart (default
 * `experiment-KEY-phase-N.svg` in the working directory).
 *
 * Exit codes: 0 done, 1 no such experiment or phase, 2 usage error.
 */

export interface ReportIo {
  /** Runs SQL against the Peerlift database. */
  query: SqlQuery;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const REPORT_USAGE = 'usage: experiments report KEY [--phase N] [--svg FILE.svg]';

export async function reportCommand(args: readonly string[], io: ReportIo): Promise<number> {
  const parsed = parseReportArgs(args);
  if (!parsed) {
    io.stderr(`${REPORT_USAGE}\n`);
    return 2;
  }
  const results = await loadExperimentResults(io.query, { key: parsed.key, phase: parsed.phase });
  if (!results) {
    const which = parsed.phase === undefined ? 'has never been started' : `has no phase ${parsed.phase}`;
    io.stderr(`experiments: ${parsed.key} ${which}\n`);
    return 1;
  }
  io.stdout(renderResultsTable(results));
  const primary = results.metrics.find((metric) => metric.role === 'primary');
  const svgPath = parsed.svg ?? `experiment-${results.experimentKey}-phase-${results.phase}.svg`;
  const title = `${results.experimentKey} · ${primary?.metric ?? ''} · phase ${results.phase}`;
  io.writeFile(svgPath, `${renderLiftChartSvg(primary?.variations ?? [], { title })}\n`);
  io.stdout(`chart: ${svgPath}\n`);
  return 0;
}

interface ReportArgs {
  key: string;
  phase?: number;
  svg?: string;
}

/** Null on any usage error (missing key, unknown flag, flag without value, phase not a whole number). */
export function parseReportArgs(args: readonly string[]): ReportArgs | null {
  const [key, ...rest] = args;
  if (key === undefined || key.startsWith('--')) return null;
  const out: ReportArgs = { key };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) return null;
    if (flag === '--svg') out.svg = value;
    else if (flag === '--phase' && /^\d+$/.test(value)) out.phase = Number(value);
    else return null;
  }
  return out;
}
