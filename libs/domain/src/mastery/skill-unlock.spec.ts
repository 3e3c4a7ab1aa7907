import type { MasteryLevel } from './mastery-level';
import { isSkillUnlocked } from './skill-unlock';

describe('isSkillUnlocked (all prerequisites PROFICIENT or better)', () => {
  const levels: Record<string, MasteryLevel> = {
    'add-1-digit': 'MASTERED',
    'sub-1-digit': 'PROFICIENT',
    'add-2-digit': 'FAMILIAR',
    'place-value': 'ATTEMPTED',
  };
  const levelOf = (slug: string): MasteryLevel => levels[slug] ?? 'NOT_STARTED';

  it.each([
    { prerequisites: [], unlocked: true, why: 'no prerequisites' },
    { prerequisites: ['add-1-digit'], unlocked: true, why: 'MASTERED counts' },
    { prerequisites: ['add-1-digit', 'sub-1-digit'], unlocked: true, why: 'MASTERED and PROFICIENT' },
    { prerequisites: ['add-1-digit', 'add-2-digit'], unlocked: false, why: 'one only FAMILIAR' },
    { prerequisites: ['place-value'], unlocked: false, why: 'ATTEMPTED' },
    { prerequisites: ['fractions'], unlocked: false, why: 'never practised' },
  ])('$prerequisites → $unlocked ($why)', ({ prerequisites, unlocked }) => {
    expect(isSkillUnlocked(prerequisites, levelOf)).toBe(unlocked);
  });
});
