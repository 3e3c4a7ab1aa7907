import { stuckPromptPeerInvite } from '../definitions/stuck-prompt-peer-invite';
import { buildExperimentResults } from './experiment-results';
import { renderResultsTable } from './results-table';

const results = buildExperimentResults({
  definition: stuckPromptPeerInvite,
  phase: 1,
  computedAt: '2026-11-23T12:00:00.000Z',
  exposures: { 'ask-for-help': 1000, 'invite-peer': 1000 },
  metrics: [
    {
      metric: 'help_requested',
      available: true,
      summaries: [
        { key: 'ask-for-help', n: 1000, sum: 100, sumSquares: 100 },
        { key: 'invite-peer', n: 1000, sum: 160, sumSquares: 160 },
      ],
    },
    { metric: 'tutor_rating', available: false, summaries: [] },
  ],
});

describe('renderResultsTable', () => {
  const text = renderResultsTable(results);

  it('heads the table with the phase, exposures, SRM and the decision hint', () => {
    expect(text.split('\n').slice(0, 4)).toEqual([
      'experiment stuck-prompt-peer-invite · phase 1 · unit user · computed 2026-11-23T12:00:00.000Z',
      'exposed: ask-for-help 1000 (50.0% of 50.0% planned), invite-peer 1000 (50.0% of 50.0% planned)',
      'sample-ratio mismatch: no (p = 1.0000)',
      'decision: SHIP — Ship invite-peer: help_requested +60.0% (CI +22.5% to +97.5%); guardrails hold.',
    ]);
  });

  it('prints one aligned row per metric and variation, and says why a metric has none', () => {
    const rows = text
      .split('\n')
      .filter((line) => /^(help_requested|tutor_rating|session_completed|reports)/.test(line));
    expect(rows[0]).toMatch(/^help_requested\s+primary\s+ask-for-help\s+1000\s+0\.1000\s+control/);
    expect(rows[1]).toMatch(
      /invite-peer\s+1000\s+0\.1600\s+\+60\.0%\s+\[\+22\.5%, \+97\.5%\]\s+0\.0017\s+0\.0017\s+99\.9%\s+better$/,
    );
    expect(rows.find((row) => row.startsWith('tutor_rating'))).toMatch(
      /guardrail:unavailable\s+\(source table missing\)/,
    );
  });
});
