import { parseReportArgs, reportCommand, type ReportIo } from './report-command';

describe('parseReportArgs', () => {
  it.each<[string[], ReturnType<typeof parseReportArgs>]>([
    [['points-per-correct-answer'], { key: 'points-per-correct-answer' }],
    [['k', '--phase', '3', '--svg', 'out.svg'], { key: 'k', phase: 3, svg: 'out.svg' }],
    [[], null],
    [['--svg', 'out.svg'], null],
    [['k', '--phase'], null],
    [['k', '--phase', 'two'], null],
    [['k', '--colour', 'red'], null],
  ])('%j → %j', (args, expected) => {
    expect(parseReportArgs(args)).toEqual(expected);
  });
});

describe('reportCommand', () => {
  it('prints the usage and exits 2 without touching the database on a usage error', async () => {
    const err: string[] = [];
    const io: ReportIo = {
      query: () => Promise.reject(new Error('must not query on a usage error')),
      writeFile: () => undefined,
      stdout: () => undefined,
      stderr: (text) => err.push(text),
    };
    await expect(reportCommand(['k', '--phase'], io)).resolves.toBe(2);
    expect(err.join('')).toMatch(/^usage: experiments report KEY/);
  });
});
