import { correctFeedbackWording } from '../definitions/correct-feedback-wording';
import { pointsPerCorrectAnswer } from '../definitions/points-per-correct-answer';
import { stuckPromptPeerInvite } from '../definitions/stuck-prompt-peer-invite';
import { definitionHash } from '../definition-hash';
import type { ExperimentDefinition, ExperimentState } from '../experiment-definition';
import { activeConfiguration, codeDiffersFromLocked, withRecord } from './active-configuration';
import type { ExperimentRecord } from './experiment-records';

const record = (definition: ExperimentDefinition, state: Partial<ExperimentState>): ExperimentRecord => ({
  state: { key: definition.key, status: 'running', phase: 1, ...state },
  locked: { definition, hash: definitionHash(definition) },
  updatedAt: '2026-11-23T00:00:00.000Z',
});

describe('activeConfiguration', () => {
  it('takes running experiments and stopped ones with a winner, with their locked definitions', () => {
    const edited = { ...pointsPerCorrectAnswer, weights: [0.5, 0.25, 0.25] };
    const active = activeConfiguration([
      record(correctFeedbackWording, { status: 'running' }),
      record(edited, { status: 'stopped', winner: 'points-30' }),
      record(stuckPromptPeerInvite, { status: 'stopped' }),
      { state: { key: 'never-started', status: 'draft', phase: 0 }, updatedAt: '2026-11-23T00:00:00.000Z' },
    ]);
    expect(active.states.map((state) => state.key)).toEqual([
      'correct-feedback-wording',
      'points-per-correct-answer',
    ]);
    expect(active.definitions[1]).toBe(edited);
  });

  it('replaces one record by key', () => {
    const records = [record(correctFeedbackWording, {}), record(stuckPromptPeerInvite, {})];
    const next = withRecord(records, record(correctFeedbackWording, { status: 'stopped' }));
    expect(next.map((r) => [r.state.key, r.state.status])).toEqual([
      ['stuck-prompt-peer-invite', 'running'],
      ['correct-feedback-wording', 'stopped'],
    ]);
  });

  it('notices when the code no longer matches the locked definition', () => {
    const locked = record(correctFeedbackWording, {});
    expect(codeDiffersFromLocked(locked, correctFeedbackWording)).toBe(false);
    expect(codeDiffersFromLocked(locked, { ...correctFeedbackWording, owner: 'someone-else' })).toBe(true);
    expect(codeDiffersFromLocked(locked, undefined)).toBe(false);
  });
});
