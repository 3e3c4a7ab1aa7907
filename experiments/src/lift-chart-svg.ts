/**
 * A self-contained SVG of relative lift per variation with its interval: a dot at the lift, a bar
 * from ciLow to ciHigh, a dashed line at 0 %. Green when the whole interval is above 0, red when below,
 * grey when it crosses 0. Deterministic (same rows, same bytes), so reports can be diffed.
 *
 * Rows with a null lift are drawn as text only: the first as the baseline, others as "no estimate".
 */

export interface LiftChartRow {
  readonly key: string;
  readonly relativeLift: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

export interface LiftChartOptions {
  readonly title?: string;
  readonly width?: number;
}

const ROW_HEIGHT = 36;
const TOP = 48;
const LABEL_WIDTH = 170;
const RIGHT_MARGIN = 190;

export function renderLiftChartSvg(rows: readonly LiftChartRow[], options: LiftChartOptions = {}): string {
  const width = options.width ?? 720;
  const height = TOP + rows.length * ROW_HEIGHT + 40;
  const limit = axisLimit(rows);
  const x = (lift: number) =>
    LABEL_WIDTH + ((lift + limit) / (2 * limit)) * (width - LABEL_WIDTH - RIGHT_MARGIN);
  const title = options.title ?? 'Relative lift vs control';
  const plotBottom = TOP + rows.length * ROW_HEIGHT;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${LABEL_WIDTH}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<line x1="${fmt(x(0))}" y1="${TOP - 8}" x2="${fmt(x(0))}" y2="${plotBottom}" stroke="#555" stroke-dasharray="4 3"/>`,
    ...[-limit, -limit / 2, 0, limit / 2, limit].map(
      (tick) =>
        `<text x="${fmt(x(tick))}" y="${plotBottom + 20}" text-anchor="middle" fill="#555">${percent(tick)}</text>`,
    ),
    ...rows.map((row, index) => renderRow(row, index, x, width)),
    '</svg>',
  ].join('\n');
}

function renderRow(row: LiftChartRow, index: number, x: (lift: number) => number, width: number): string {
  const y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
  const label = `<text x="${LABEL_WIDTH - 10}" y="${y + 4}" text-anchor="end">${escapeXml(row.key)}</text>`;
  const { relativeLift: lift, ciLow, ciHigh } = row;
  if (lift === null || ciLow === null || ciHigh === null) {
    const note = index === 0 ? 'baseline' : 'no estimate';
    return `<g>${label}<text x="${fmt(x(0))}" y="${y + 4}" dx="8" fill="#555">${note}</text></g>`;
  }
  const colour = ciLow > 0 ? '#1a7f37' : ciHigh < 0 ? '#c62828' : '#6e7781';
  const summary = `${percent(lift)} [${percent(ciLow)}, ${percent(ciHigh)}]`;
  return [
    `<g>${label}`,
    `<line x1="${fmt(x(ciLow))}" y1="${y}" x2="${fmt(x(ciHigh))}" y2="${y}" stroke="${colour}" stroke-width="4" stroke-linecap="round"/>`,
    `<circle cx="${fmt(x(lift))}" cy="${y}" r="6" fill="${colour}"/>`,
    `<text x="${width - RIGHT_MARGIN + 12}" y="${y + 4}">${escapeXml(summary)}</text></g>`,
  ].join('');
}

/** Half-width of the symmetric axis: the largest |bound| plus 10 %, rounded up to a whole percent. */
function axisLimit(rows: readonly LiftChartRow[]): number {
  const bounds = rows
    .flatMap((row) => [row.relativeLift, row.ciLow, row.ciHigh])
    .filter((value): value is number => value !== null && Number.isFinite(value));
  const largest = Math.max(0.01, ...bounds.map(Math.abs));
  return Math.ceil(largest * 1.1 * 100) / 100;
}

function percent(value: number): string {
  const rounded = Math.round(value * 1000) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded === 0 ? '0' : rounded.toFixed(1)}%`;
}

function fmt(value: number): string {
  return value.toFixed(1);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
