import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SkillSummary } from './graphql/skills';
import { groupIntoStages, prerequisiteDepths, suggestedSkill, summarise, unmetPrerequisites } from './skill-stages';

function skill(slug: string, needs: string[] = [], overrides: Partial<SkillSummary> = {}): SkillSummary {
  return {
    slug,
    title: slug.toUpperCase(),
    prerequisites: needs.map((s) => ({ slug: s, title: s.toUpperCase() })),
    unlocked: needs.length === 0,
    level: 'NOT_STARTED',
    status: 'NOT_STARTED',
    streak: 0,
    streakToProficient: 10,
    attempts: 0,
    reviewDueAt: null,
    ...overrides,
  };
}

describe('prerequisiteDepths', () => {
  it('uses the longest chain below a skill', () => {
    const depths = prerequisiteDepths([skill('a'), skill('b', ['a']), skill('c', ['a', 'b'])]);
    assert.deepEqual(Object.fromEntries(depths), { a: 0, b: 1, c: 2 });
  });
  it('ignores unknown prerequisites and survives cycles', () => {
    const depths = prerequisiteDepths([skill('x', ['missing']), skill('p', ['q']), skill('q', ['p'])]);
    assert.equal(depths.get('x'), 0);
    assert.ok(depths.has('p') && depths.has('q'));
  });
});

describe('groupIntoStages', () => {
  it('groups by depth and keeps teaching order inside a stage', () => {
    const stages = groupIntoStages([
      skill('add', []),
      skill('count', []),
      skill('add2', ['add'], { level: 'PROFICIENT', status: 'PROFICIENT' }),
      skill('sub', ['count']),
    ]);
    assert.deepEqual(
      stages.map((s) => [s.number, s.skills.map((k) => k.slug), s.proficientCount]),
      [
        [1, ['add', 'count'], 0],
        [2, ['add2', 'sub'], 1],
      ],
    );
  });
  it('returns no stages for no skills', () => assert.deepEqual(groupIntoStages([]), []));
});

describe('suggestedSkill', () => {
  it('prefers a skill already under way', () => {
    const skills = [skill('a'), skill('b', [], { status: 'WORKING', level: 'ATTEMPTED' })];
    assert.equal(suggestedSkill(skills)?.slug, 'b');
  });
  it('skips locked and proficient skills', () => {
    const skills = [skill('a', [], { level: 'MASTERED', status: 'PROFICIENT' }), skill('b', ['a']), skill('c')];
    assert.equal(suggestedSkill(skills)?.slug, 'c');
  });
  it('summarises progress', () => {
    assert.deepEqual(summarise([skill('a', [], { level: 'PROFICIENT' }), skill('b')]), { total: 2, proficient: 1 });
  });
});

describe('unmetPrerequisites', () => {
  it('lists only prerequisites that are not proficient yet', () => {
    const a = skill('a', [], { level: 'PROFICIENT', status: 'PROFICIENT' });
    const b = skill('b');
    const c = skill('c', ['a', 'b']);
    const bySlug = new Map([a, b, c].map((s) => [s.slug, s]));
    assert.deepEqual(unmetPrerequisites(c, bySlug), ['B']);
  });
});
