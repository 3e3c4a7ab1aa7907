import { main, type CliIo } from './cli';

function fakeIo(files: Record<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return files[path];
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
}

const input = JSON.stringify({
  metric: { type: 'binomial' },
  weights: [0.5, 0.5],
  variations: [
    { key: 'control', n: 1000, sum: 100, sumSquares: 100 },
    { key: 'treatment', n: 1000, sum: 130, sumSquares: 130 },
  ],
});

describe('experiments CLI main', () => {
  it('prints the analysis as JSON and exits 0', () => {
    const io = fakeIo({ 'run.json': input });
    expect(main(['analyze', 'run.json'], io)).toBe(0);
    const printed = JSON.parse(io.out.join('')) as {
      srmPValue: number;
      variations: { key: string; relativeLift: number | null }[];
    };
    expect(printed.srmPValue).toBe(1);
    expect(printed.variations.map((row) => row.key)).toEqual(['control', 'treatment']);
    expect(printed.variations[0].relativeLift).toBeNull();
    expect(printed.variations[1].relativeLift).toBeCloseTo(0.3, 12);
    expect(io.err).toEqual([]);
  });

  it('prints an SVG chart for chart', () => {
    const io = fakeIo({ 'run.json': input });
    expect(main(['chart', 'run.json'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
  });

  it.each<[string, string[], Record<string, string>, number, RegExp]>([
    ['a missing file', ['analyze', 'gone.json'], {}, 1, /cannot read gone\.json: ENOENT/],
    [
      'malformed JSON',
      ['analyze', 'bad.json'],
      { 'bad.json': '{ "metric": ' },
      1,
      /bad\.json is not valid JSON/,
    ],
    [
      'an invalid input',
      ['analyze', 'x.json'],
      { 'x.json': '{"metric":{"type":"mean"},"weights":[1],"variations":[]}' },
      1,
      /x\.json is not a valid analysis input:[\s\S]*variations/,
    ],
    ['no command', [], {}, 2, /usage: experiments analyze FILE\.json/],
    ['an unknown command', ['publish', 'key'], {}, 2, /usage/],
    ['an extra argument', ['analyze', 'a.json', 'b.json'], {}, 2, /usage/],
  ])('fails clearly on %s', (_label, argv, files, code, message) => {
    const io = fakeIo(files);
    expect(main(argv, io)).toBe(code);
    expect(io.err.join('')).toMatch(message);
    expect(io.out).toEqual([]);
  });
});
