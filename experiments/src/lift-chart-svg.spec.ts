import { renderLiftChartSvg, type LiftChartRow } from './lift-chart-svg';

const rows: LiftChartRow[] = [
  { key: 'control', relativeLift: null, ciLow: null, ciHigh: null },
  { key: 'growth-mindset', relativeLift: 0.05, ciLow: 0.01, ciHigh: 0.09 },
  { key: 'points-focused', relativeLift: -0.04, ciLow: -0.07, ciHigh: -0.01 },
  { key: 'a<b & "c"', relativeLift: 0.01, ciLow: -0.02, ciHigh: 0.04 },
  { key: 'broken', relativeLift: null, ciLow: null, ciHigh: null },
];

describe('renderLiftChartSvg', () => {
  const svg = renderLiftChartSvg(rows, { title: 'Feedback wording' });

  it('draws one interval and one dot per estimated variation', () => {
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/stroke-width="4"/g)).toHaveLength(3);
  });

  it.each([
    ['above zero in green', '#1a7f37', '+5.0% [+1.0%, +9.0%]'],
    ['below zero in red', '#c62828', '-4.0% [-7.0%, -1.0%]'],
    ['across zero in grey', '#6e7781', '+1.0% [-2.0%, +4.0%]'],
  ])('colours an interval %s and labels it', (_label, colour, text) => {
    expect(svg).toContain(`fill="${colour}"`);
    expect(svg).toContain(text);
  });

  it('labels the baseline and rows without an estimate, and escapes keys', () => {
    expect(svg).toContain('>baseline<');
    expect(svg).toContain('>no estimate<');
    expect(svg).toContain('a&lt;b &amp; &quot;c&quot;');
    expect(svg).not.toContain('a<b');
  });

  it('puts the zero line in the middle of a symmetric axis that fits every interval', () => {
    // Largest bound 0.09 → axis ±0.10 (0.09 × 1.1 rounded up to a whole percent).
    expect(svg).toContain('>-10.0%<');
    expect(svg).toContain('>+10.0%<');
    expect(svg).toContain('>0%<');
  });

  it('is deterministic and well formed', () => {
    expect(renderLiftChartSvg(rows, { title: 'Feedback wording' })).toBe(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<g>/g)?.length).toBe(svg.match(/<\/g>/g)?.length);
    expect(svg).toContain('<title>Feedback wording</title>');
  });
});
