// Geometry of the lift chart: one row per treatment arm, a bar for the interval and a dot for the
// estimate on a symmetric axis around 0 %. Pure, so the scale and colours are tested without a browser.
import type { Tone } from './results-display';

export interface LiftRow {
  key: string;
  lift: number | null;
  low: number | null;
  high: number | null;
}

export interface LiftAxis {
  /** Half-width of the axis (a relative lift; 0.05 = ±5 %). */
  limit: number;
  ticks: number[];
  /** Maps a lift to 0–100 (% of the plot width). */
  x: (lift: number) => number;
}

/** The largest |bound| plus 10 %, rounded up to a whole percent; at least ±1 %. */
export function liftAxis(rows: readonly LiftRow[]): LiftAxis {
  const bounds = rows.flatMap((r) => [r.lift, r.low, r.high]).filter((v): v is number => v !== null && Number.isFinite(v));
  const limit = Math.ceil(Math.max(0.01, ...bounds.map(Math.abs)) * 1.1 * 100) / 100;
  return {
    limit,
    ticks: [-limit, -limit / 2, 0, limit / 2, limit],
    x: (lift) => ((Math.max(-limit, Math.min(limit, lift)) + limit) / (2 * limit)) * 100,
  };
}

/** Green when the whole interval is above 0 (for a higher-is-better metric), red when below, grey across. */
export function liftTone(row: LiftRow, direction: string): Tone {
  if (row.low === null || row.high === null) return 'neutral';
  const better = direction === 'lower' ? row.high < 0 : row.low > 0;
  const worse = direction === 'lower' ? row.low > 0 : row.high < 0;
  return better ? 'good' : worse ? 'bad' : 'neutral';
}
