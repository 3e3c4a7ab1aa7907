// A student's activity log in words: what happened, on which skill, and when. Pure.
import type { StudentActivityQuery } from '../graphql/generated';
import type { IconName } from '../icons';

export type ActivityEntry = StudentActivityQuery['studentActivity']['entries'][number];

export interface ActivityLine {
  icon: IconName;
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

/** "1:05" for a video position. */
export function videoPosition(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "45 s", "12 min", "2 h 5 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 1) return 'under 1 s';
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

export function describeActivity(entry: ActivityEntry, skillTitle: string): ActivityLine {
  const at = entry.positionSeconds == null ? '' : ` at ${videoPosition(entry.positionSeconds)}`;
  switch (entry.kind) {
    case 'ANSWER': {
      const took = entry.elapsedMs == null ? '' : ` (${duration(entry.elapsedMs / 1000)})`;
      return entry.correct
        ? { icon: 'check', text: `Answered ${skillTitle} correctly${took}`, tone: 'good' }
        : { icon: 'cross', text: `Answered ${skillTitle} wrongly${took}`, tone: 'bad' };
    }
    case 'LESSON_VIEWED':
      return { icon: 'book', text: `Read the ${skillTitle} lesson`, tone: 'neutral' };
    case 'VIDEO_PLAY':
      return { icon: 'play', text: `Played the ${skillTitle} video${at}`, tone: 'neutral' };
    case 'VIDEO_PAUSE':
      return { icon: 'pause', text: `Paused the ${skillTitle} video${at}`, tone: 'neutral' };
    case 'VIDEO_SEEK':
      return { icon: 'skip', text: `Skipped in the ${skillTitle} video${at}`, tone: 'neutral' };
    default:
      return { icon: 'target', text: `${entry.kind.toLowerCase().replaceAll('_', ' ')} · ${skillTitle}`, tone: 'neutral' };
  }
}

/** Accuracy as a whole percentage, or null before any answer. */
export function accuracy(correct: number, wrong: number): number | null {
  const total = correct + wrong;
  return total === 0 ? null : Math.round((correct / total) * 100);
}

/** Entries grouped by local calendar day, newest first, as given. */
export function groupByDay<T extends { at: string }>(entries: readonly T[], locale = 'en'): Array<{ day: string; entries: T[] }> {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const groups: Array<{ day: string; entries: T[] }> = [];
  for (const entry of entries) {
    const day = format.format(new Date(entry.at));
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}
