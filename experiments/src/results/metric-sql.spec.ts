import { METRIC_KEYS } from '../metric-catalogue';
import { EXPOSURE_TABLES, METRIC_SQL, metricSummariesSql } from './metric-sql';

/** Table names a statement reads (after FROM or JOIN). */
const tablesRead = (sql: string) =>
  new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)\b/g)].map((m) => m[1]));

describe('METRIC_SQL', () => {
  it('defines every metric of the catalogue exactly once', () => {
    expect(Object.keys(METRIC_SQL).sort()).toEqual([...METRIC_KEYS].sort());
  });

  it.each(METRIC_KEYS)('%s declares every table its SQL reads', (metric) => {
    const declared = new Set<string>([
      ...METRIC_SQL[metric].sourceTables,
      ...EXPOSURE_TABLES,
      'per_user',
      'per_unit',
      'exposed',
      'unnest',
    ]);
    for (const table of tablesRead(metricSummariesSql(metric, 'user'))) expect(declared).toContain(table);
  });

  it.each(METRIC_KEYS)('%s counts only events inside the window [t0, t1)', (metric) => {
    const sql = METRIC_SQL[metric].perUserValue;
    if (metric === 'next_day_return') expect(sql).toMatch(/<= x\.t1/);
    else expect(sql).toMatch(/>= x\.t0 AND [a-z]\.[a-z_]+ < x\.t1/);
  });

  it('averages per classroom before summing when classrooms were randomised', () => {
    expect(metricSummariesSql('answers', 'classroom')).toMatch(/GROUP BY variation_key, hash_value/);
    expect(metricSummariesSql('answers', 'user')).not.toMatch(/hash_value\s*$/m);
  });
});
