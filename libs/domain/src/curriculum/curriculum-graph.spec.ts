import { CURRICULUM, findSkill } from './curriculum';
import {
  findDuplicateSlugs,
  findMissingPrerequisites,
  findPrerequisiteCycle,
  findTeachingOrderViolations,
  findUnreachableSkills,
  type SkillNode,
} from './curriculum-graph';

const node = (slug: string, ...prerequisites: string[]): SkillNode => ({ slug, prerequisites });

describe('curriculum graph checks on small maps', () => {
  it.each<[string, SkillNode[], string[] | undefined]>([
    ['a chain', [node('a'), node('b', 'a'), node('c', 'b')], undefined],
    ['a diamond', [node('a'), node('b', 'a'), node('c', 'a'), node('d', 'b', 'c')], undefined],
    ['a self-loop', [node('a', 'a')], ['a', 'a']],
    ['a two-cycle', [node('a', 'b'), node('b', 'a')], ['a', 'b', 'a']],
    [
      'a cycle behind a root',
      [node('r'), node('a', 'r', 'c'), node('b', 'a'), node('c', 'b')],
      ['a', 'c', 'b', 'a'],
    ],
  ])('findPrerequisiteCycle on %s', (_label, skills, cycle) => {
    expect(findPrerequisiteCycle(skills)).toEqual(cycle);
  });

  it('findMissingPrerequisites names each dangling edge', () => {
    expect(findMissingPrerequisites([node('a'), node('b', 'a', 'x'), node('c', 'y')])).toEqual([
      { slug: 'b', missing: 'x' },
      { slug: 'c', missing: 'y' },
    ]);
  });

  it('findDuplicateSlugs reports each repeated slug once', () => {
    expect(findDuplicateSlugs([node('a'), node('b'), node('a'), node('a')])).toEqual(['a']);
  });

  it.each<[string, SkillNode[], string[]]>([
    ['a connected map', [node('a'), node('b', 'a'), node('c', 'a', 'b')], []],
    ['a cycle off the roots', [node('r'), node('a', 'b'), node('b', 'a'), node('c', 'a')], ['a', 'b', 'c']],
    ['a map with no root', [node('a', 'b'), node('b', 'a')], ['a', 'b']],
  ])('findUnreachableSkills on %s', (_label, skills, unreachable) => {
    expect(findUnreachableSkills(skills)).toEqual(unreachable);
  });

  it('findTeachingOrderViolations finds skills listed before a prerequisite', () => {
    expect(findTeachingOrderViolations([node('b', 'a'), node('a'), node('c', 'a', 'z')])).toEqual([
      { slug: 'b', prerequisite: 'a' },
      { slug: 'c', prerequisite: 'z' },
    ]);
  });
});

describe('the knowledge map', () => {
  it('has at least 32 skills with unique kebab-case slugs', () => {
    expect(CURRICULUM.length).toBeGreaterThanOrEqual(32);
    expect(findDuplicateSlugs(CURRICULUM)).toEqual([]);
    for (const { slug } of CURRICULUM) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('names only existing skills as prerequisites', () => {
    expect(findMissingPrerequisites(CURRICULUM)).toEqual([]);
  });

  it('has no prerequisite cycle', () => {
    expect(findPrerequisiteCycle(CURRICULUM)).toBeUndefined();
  });

  it('reaches every skill from its root, add-within-10', () => {
    expect(
      CURRICULUM.filter(({ prerequisites }) => prerequisites.length === 0).map(({ slug }) => slug),
    ).toEqual(['add-within-10']);
    expect(findUnreachableSkills(CURRICULUM)).toEqual([]);
  });

  it('is listed in teaching order: every skill after its prerequisites', () => {
    expect(findTeachingOrderViolations(CURRICULUM)).toEqual([]);
  });

  it('never lists a prerequisite twice for one skill', () => {
    for (const { prerequisites } of CURRICULUM) {
      expect(new Set(prerequisites).size).toBe(prerequisites.length);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CURRICULUM)).toBe(true);
  });

  it.each(CURRICULUM.map((skill) => [skill.slug, skill] as const))(
    '%s has a title, a description and a short lesson with a worked example',
    (_slug, skill) => {
      expect(skill.title.trim().length).toBeGreaterThan(3);
      expect(skill.description.trim().length).toBeGreaterThan(10);
      const sentences = skill.lesson.text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(5);
      expect(skill.lesson.text).toMatch(/\d.*=/);
      expect(skill.lesson.videoUrl).toBeUndefined();
      expect(findSkill(skill.slug)).toBe(skill);
    },
  );

  it.each(['', 'Add-Within-10', 'add within 10', 'no-such-skill'])('findSkill(%p) finds nothing', (slug) => {
    expect(findSkill(slug)).toBeUndefined();
  });
});
