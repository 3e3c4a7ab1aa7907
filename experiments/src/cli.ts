import { readFileSync } from 'node:fs';
import { analysisReport, parseAnalysisInput, type AnalysisReport } from './analysis-input';
import { renderLiftChartSvg } from './lift-chart-svg';

/**
 * Analyst command line. `run-cli.ts` is the executable entry (`tsx experiments/src/run-cli.ts <command>`,
 * for the root script `npm run experiments -- <command>`); this module has no side effects.
 *
 *   analyze FILE.json   print the analysis of FILE as JSON (see analysis-input.ts for the format)
 *   chart FILE.json     print the same analysis as an SVG lift chart
 *   report KEY          results of a live experiment from the database (report-command.ts; run-cli.ts
 *                       dispatches it, since it needs a database connection)
 *
 * Exit codes: 0 done, 1 unreadable or invalid input (the reason on stderr), 2 usage error.
 * All logic is in pure functions (`parseAnalysisInput`, `analysisReport`, `renderLiftChartSvg`);
 * this file only reads the file and writes the streams, through `CliIo` so tests need no disk.
 */

export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE =
  'usage: experiments analyze FILE.json | experiments chart FILE.json | experiments report KEY [--phase N] [--svg FILE.svg]';

const nodeIo: CliIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function main(argv: readonly string[], io: CliIo = nodeIo): number {
  const [command, file, ...rest] = argv;
  if ((command !== 'analyze' && command !== 'chart') || file === undefined || rest.length > 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const report = loadReport(file, io);
  if (report === null) return 1;
  io.stdout(
    command === 'analyze'
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${renderLiftChartSvg(report.variations)}\n`,
  );
  return 0;
}

function loadReport(file: string, io: CliIo): AnalysisReport | null {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`experiments: cannot read ${file}: ${(error as Error).message}\n`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`experiments: ${file} is not valid JSON: ${(error as Error).message}\n`);
    return null;
  }
  const parsed = parseAnalysisInput(json);
  if (!parsed.ok) {
    io.stderr(`experiments: ${file} is not a valid analysis input:\n${parsed.error}\n`);
    return null;
  }
  return analysisReport(parsed.input);
}
