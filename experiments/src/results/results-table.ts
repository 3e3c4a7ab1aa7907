import type { ExperimentResults } from './experiment-results';

/**
 * Plain-text table of experiment results for a terminal (`experiments report KEY`). Deterministic:
 * the same results give the same text. Percentages for lifts and intervals, 4 decimals for p-values.
 */
export function renderResultsTable(results: ExperimentResults): string {
  const header = [
    `experiment ${results.experimentKey} · phase ${results.phase} · unit ${results.unit} · computed ${results.computedAt}`,
    `exposed: ${results.exposures.map((row) => `${row.key} ${row.units} (${pct(row.observedShare)} of ${pct(row.expectedShare)} planned)`).join(', ')}`,
    `sample-ratio mismatch: ${results.sampleRatioMismatch ? 'YES' : 'no'} (p = ${fixed(results.srmPValue, 4)})`,
    `decision: ${results.decision} — ${results.decisionReason}`,
    '',
  ];
  const rows: string[][] = [
    ['metric', 'role', 'variation', 'n', 'mean', 'lift', 'interval', 'p', 'adj. p', 'P(win)', 'verdict'],
  ];
  for (const metric of results.metrics) {
    const role = metric.role === 'primary' ? 'primary' : `guardrail:${metric.guardrailStatus ?? ''}`;
    if (metric.variations.length === 0) {
      rows.push([
        metric.metric,
        role,
        metric.available ? '(no values yet)' : '(source table missing)',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
      continue;
    }
    for (const row of metric.variations) {
      rows.push([
        metric.metric,
        role,
        row.key,
        String(row.n),
        fixed(row.mean, 4),
        row.relativeLift === null ? 'control' : signedPct(row.relativeLift),
        row.ciLow === null || row.ciHigh === null
          ? ''
          : `[${signedPct(row.ciLow)}, ${signedPct(row.ciHigh)}]`,
        row.pValue === null ? '' : fixed(row.pValue, 4),
        row.adjustedPValue === null ? '' : fixed(row.adjustedPValue, 4),
        row.chanceToWin === null ? '' : pct(row.chanceToWin),
        row.verdict ?? '',
      ]);
    }
  }
  return [...header, ...alignColumns(rows)].join('\n') + '\n';
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signedPct = (x: number) => `${x >= 0 ? '+' : ''}${pct(x)}`;
