// The coach's grid, students × skills, as the page shows it: a row per student, a column per skill that
// anyone has started (or every skill on request), each cell green / blue / red / not started. Pure.
import type { ClassroomGridQuery, MasteryLevel, MasteryStatus } from '../graphql/generated';

export type Classroom = ClassroomGridQuery['classroom'];
export type Student = Classroom['students'][number];
export type SkillColumn = Classroom['skills'][number];

export interface GridCell {
  key: string;
  skillSlug: string;
  status: MasteryStatus;
  level: MasteryLevel;
  streak: number;
  attempts: number;
}

export interface GridRow {
  student: Student;
  cells: GridCell[];
  proficient: number;
  stuck: number;
}

export interface StatusTotals {
  proficient: number;
  working: number;
  stuck: number;
}

export interface ClassGrid {
  columns: SkillColumn[];
  rows: GridRow[];
  totals: StatusTotals;
  /** Skills not shown because nobody has started them. */
  hiddenColumns: number;
  /** Red cells, most recent students first — what a coach looks at first. */
  stuck: Array<{ student: Student; skill: SkillColumn }>;
}

export const cellKey = (studentId: string, skillSlug: string) => `${studentId}|${skillSlug}`;

const NOT_STARTED = { status: 'NOT_STARTED', level: 'NOT_STARTED', streak: 0, attempts: 0 } as const;

export function buildClassGrid(classroom: Classroom, options: { showAllSkills: boolean }): ClassGrid {
  const cells = new Map(classroom.cells.map((c) => [cellKey(c.studentId, c.skillSlug), c]));
  const started = new Set(classroom.cells.filter((c) => c.attempts > 0 || c.level !== 'NOT_STARTED').map((c) => c.skillSlug));
  const columns = options.showAllSkills ? classroom.skills : classroom.skills.filter((s) => started.has(s.slug));
  const totals: StatusTotals = { proficient: 0, working: 0, stuck: 0 };
  const stuck: ClassGrid['stuck'] = [];
  const rows = [...classroom.students]
    .sort((a, b) => a.handle.localeCompare(b.handle))
    .map((student) => {
      const row: GridRow = { student, cells: [], proficient: 0, stuck: 0 };
      for (const skill of columns) {
        const key = cellKey(student.id, skill.slug);
        const cell = { key, skillSlug: skill.slug, ...(cells.get(key) ?? NOT_STARTED) };
        row.cells.push({ key, skillSlug: skill.slug, status: cell.status, level: cell.level, streak: cell.streak, attempts: cell.attempts });
        if (cell.status === 'PROFICIENT') row.proficient++;
        if (cell.status === 'STUCK') {
          row.stuck++;
          stuck.push({ student, skill });
        }
        if (cell.status === 'WORKING') totals.working++;
      }
      totals.proficient += row.proficient;
      totals.stuck += row.stuck;
      return row;
    });
  return { columns, rows, totals, hiddenColumns: classroom.skills.length - columns.length, stuck };
}

/** Cells whose status differs between two loads of the grid — the ones to highlight as just changed. */
export function changedCells(before: Classroom | null, after: Classroom): Set<string> {
  if (!before) return new Set();
  const status = (c: Classroom) => new Map(c.cells.map((cell) => [cellKey(cell.studentId, cell.skillSlug), cell.status]));
  const old = status(before);
  const changed = new Set<string>();
  for (const [key, value] of status(after)) if ((old.get(key) ?? 'NOT_STARTED') !== value) changed.add(key);
  return changed;
}

/** What a screen reader hears for one cell, e.g. "maya, Fractions: Proficient, 10 in a row, 12 attempts". */
export function cellDescription(student: Student, skill: SkillColumn, cell: GridCell, statusLabel: string): string {
  if (cell.status === 'NOT_STARTED') return `${student.handle}, ${skill.title}: not started`;
  return `${student.handle}, ${skill.title}: ${statusLabel}, ${cell.streak} in a row, ${cell.attempts} ${cell.attempts === 1 ? 'attempt' : 'attempts'}`;
}
