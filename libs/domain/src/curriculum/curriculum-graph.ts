/**
 * Checks on the prerequisite graph of a knowledge map. Pure functions over plain `{ slug, prerequisites }`
 * records, so they apply to the built-in curriculum and to any edited copy of it.
 */
export interface SkillNode {
  readonly slug: string;
  readonly prerequisites: readonly string[];
}

/** Slugs that occur more than once, each reported once, in first-seen order. */
export function findDuplicateSlugs(skills: readonly SkillNode[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { slug } of skills) {
    if (seen.has(slug)) {
      duplicates.add(slug);
    }
    seen.add(slug);
  }
  return [...duplicates];
}

/** Every prerequisite that names no skill in the list, as `{ slug, missing }` pairs. */
export function findMissingPrerequisites(skills: readonly SkillNode[]): { slug: string; missing: string }[] {
  const slugs = new Set(skills.map(({ slug }) => slug));
  return skills.flatMap(({ slug, prerequisites }) =>
    prerequisites.filter((prerequisite) => !slugs.has(prerequisite)).map((missing) => ({ slug, missing })),
  );
}

/**
 * A prerequisite cycle if there is one, as the slugs along it with the first repeated at the end
 * (`['a', 'b', 'a']` when a needs b and b needs a), else `undefined`. Depth-first search with
 * white/grey/black colouring (Cormen et al., Introduction to Algorithms, §22.3); missing prerequisites
 * are ignored here.
 */
export function findPrerequisiteCycle(skills: readonly SkillNode[]): string[] | undefined {
  const prerequisitesOf = new Map(skills.map(({ slug, prerequisites }) => [slug, prerequisites]));
  const finished = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();

  const visit = (slug: string): string[] | undefined => {
    if (onPath.has(slug)) {
      return [...path.slice(path.indexOf(slug)), slug];
    }
    if (finished.has(slug) || !prerequisitesOf.has(slug)) {
      return undefined;
    }
    path.push(slug);
    onPath.add(slug);
    for (const prerequisite of prerequisitesOf.get(slug) ?? []) {
      const cycle = visit(prerequisite);
      if (cycle) {
        return cycle;
      }
    }
    path.pop();
    onPath.delete(slug);
    finished.add(slug);
    return undefined;
  };

  for (const { slug } of skills) {
    const cycle = visit(slug);
    if (cycle) {
      return cycle;
    }
  }
  return undefined;
}

/**
 * Skills that cannot be reached from a root (a skill without prerequisites) by following "is a
 * prerequisite of" edges — in a graph with cycles, those on or behind a cycle.
 */
export function findUnreachableSkills(skills: readonly SkillNode[]): string[] {
  const dependents = new Map<string, string[]>();
  for (const { slug, prerequisites } of skills) {
    for (const prerequisite of prerequisites) {
      dependents.set(prerequisite, [...(dependents.get(prerequisite) ?? []), slug]);
    }
  }
  const reached = new Set(
    skills.filter(({ prerequisites }) => prerequisites.length === 0).map(({ slug }) => slug),
  );
  const queue = [...reached];
  while (queue.length > 0) {
    for (const dependent of dependents.get(queue.shift() as string) ?? []) {
      if (!reached.has(dependent)) {
        reached.add(dependent);
        queue.push(dependent);
      }
    }
  }
  return skills.map(({ slug }) => slug).filter((slug) => !reached.has(slug));
}

/** Skills listed before one of their prerequisites, as `{ slug, prerequisite }` pairs; empty for a teaching order. */
export function findTeachingOrderViolations(
  skills: readonly SkillNode[],
): { slug: string; prerequisite: string }[] {
  const position = new Map(skills.map(({ slug }, index) => [slug, index]));
  return skills.flatMap(({ slug, prerequisites }, index) =>
    prerequisites
      .filter((prerequisite) => (position.get(prerequisite) ?? Infinity) > index)
      .map((prerequisite) => ({ slug, prerequisite })),
  );
}
