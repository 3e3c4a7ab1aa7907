// Loads the knowledge map for /learn and derives what the page shows.
import { errorMessage } from './graphql/client';
import { SKILLS, type SkillSummary } from './graphql/skills';
import { session } from './session.svelte';
import { groupIntoStages, suggestedSkill, summarise, unmetPrerequisites } from './skill-stages';

export class SkillMap {
  state = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state('');
  skills = $state.raw<SkillSummary[]>([]);

  stages = $derived(groupIntoStages(this.skills));
  summary = $derived(summarise(this.skills));
  suggestion = $derived(suggestedSkill(this.skills));
  private bySlug = $derived(new Map(this.skills.map((skill) => [skill.slug, skill])));

  /** What a locked skill still waits for. */
  needs(skill: SkillSummary): string[] {
    return skill.unlocked ? [] : unmetPrerequisites(skill, this.bySlug);
  }

  async load(): Promise<void> {
    this.state = 'loading';
    try {
      const { skills } = await session.request(SKILLS, {});
      this.skills = skills;
      this.state = 'ready';
    } catch (error) {
      this.error = errorMessage(error);
      this.state = 'error';
    }
  }
}
