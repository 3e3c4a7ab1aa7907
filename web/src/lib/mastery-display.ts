// How mastery reads on screen. Colour is never the only signal: every status has a word and a symbol.
import type { MasteryLevel, MasteryStatus, SkillProgress } from './graphql/skills';

export interface StatusDisplay {
  label: string;
  /** A symbol shown beside the label, hidden from screen readers (the label says it). */
  symbol: string;
  /** CSS modifier: green, blue, red, grey (DESIGN.md §1: coach grid colours). */
  tone: 'green' | 'blue' | 'red' | 'grey';
}

const STATUS: Record<MasteryStatus, StatusDisplay> = {
  PROFICIENT: { label: 'Proficient', symbol: '✓', tone: 'green' },
  WORKING: { label: 'Working on it', symbol: '●', tone: 'blue' },
  STUCK: { label: 'Stuck', symbol: '!', tone: 'red' },
  NOT_STARTED: { label: 'Not started', symbol: '○', tone: 'grey' },
};

const LEVEL: Record<MasteryLevel, string> = {
  NOT_STARTED: 'Not started',
  ATTEMPTED: 'Attempted',
  FAMILIAR: 'Familiar',
  PROFICIENT: 'Proficient',
  MASTERED: 'Mastered',
};

export function statusDisplay(status: MasteryStatus): StatusDisplay {
  return STATUS[status];
}

export function levelLabel(level: MasteryLevel): string {
  return LEVEL[level];
}

export function isProficient(progress: Pick<SkillProgress, 'level'>): boolean {
  return progress.level === 'PROFICIENT' || progress.level === 'MASTERED';
}

/** The streak counted toward proficiency, capped at the goal (a streak can run past it). */
export function streakTowardGoal(progress: Pick<SkillProgress, 'streak' | 'streakToProficient'>): number {
  return Math.max(0, Math.min(progress.streak, progress.streakToProficient));
}

/** Share of the goal reached, 0–100. */
export function streakPercent(progress: Pick<SkillProgress, 'streak' | 'streakToProficient'>): number {
  if (progress.streakToProficient <= 0) return 100;
  return Math.round((streakTowardGoal(progress) / progress.streakToProficient) * 100);
}

/** "7 / 10 in a row". */
export function streakText(progress: Pick<SkillProgress, 'streak' | 'streakToProficient'>): string {
  return `${streakTowardGoal(progress)} / ${progress.streakToProficient} in a row`;
}

/**
 * A proficient skill whose mixed review is due: answering it (right) is what makes it MASTERED, so the map
 * points it out. Mastered skills and skills without a scheduled review have nothing due.
 */
export function reviewDue(progress: Pick<SkillProgress, 'level'> & { reviewDueAt: string | null }, now: Date): boolean {
  return progress.level === 'PROFICIENT' && progress.reviewDueAt !== null && Date.parse(progress.reviewDueAt) <= now.getTime();
}

/** "Needs: Addition within 10 and Counting" — the prerequisites a locked skill waits for. */
export function needsText(titles: readonly string[]): string {
  if (titles.length === 0) return '';
  if (titles.length === 1) return `Needs: ${titles[0]}`;
  return `Needs: ${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}

const pointsFormat = new Intl.NumberFormat('en');

export function formatPoints(points: number): string {
  return pointsFormat.format(points);
}
