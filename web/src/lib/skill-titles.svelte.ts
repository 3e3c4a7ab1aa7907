// Skill titles by slug for places that only carry a slug (offers, requests, activity). Loaded once per
// session; until then (or if it fails) a slug reads as words.
import { SKILLS } from './graphql/generated';
import { session } from './session.svelte';

class SkillTitles {
  private titles = $state.raw(new Map<string, string>());
  private loading: Promise<void> | null = null;

  title(slug: string): string {
    if (!this.loading) this.loading = this.load();
    return this.titles.get(slug) ?? slug.replaceAll('-', ' ');
  }

  private async load(): Promise<void> {
    try {
      const { skills } = await session.request(SKILLS, {});
      this.titles = new Map(skills.map((s) => [s.slug, s.title]));
    } catch {
      this.loading = null; // try again next time a title is needed
    }
  }
}

export const skillTitles = new SkillTitles();
