import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildClassGrid, cellKey, changedCells, type Classroom } from './class-grid';

const classroom = (cells: Classroom['cells']): Classroom => ({
  id: 'c1',
  name: 'Year 6',
  joinCode: 'ABC123',
  students: [
    { id: 's2', handle: 'tane', totalPoints: 20 },
    { id: 's1', handle: 'maya', totalPoints: 90 },
  ],
  skills: [
    { slug: 'add', title: 'Add' },
    { slug: 'sub', title: 'Subtract' },
    { slug: 'mul', title: 'Multiply' },
  ],
  cells,
});

const cell = (studentId: string, skillSlug: string, status: Classroom['cells'][number]['status']) => ({
  studentId,
  skillSlug,
  status,
  level: status === 'PROFICIENT' ? ('PROFICIENT' as const) : ('ATTEMPTED' as const),
  streak: status === 'PROFICIENT' ? 10 : 1,
  attempts: 12,
});

describe('buildClassGrid', () => {
  const grid = buildClassGrid(classroom([cell('s1', 'add', 'PROFICIENT'), cell('s2', 'add', 'STUCK'), cell('s2', 'sub', 'WORKING')]), {
    showAllSkills: false,
  });

  it('shows only skills someone started, in teaching order', () => {
    assert.deepEqual(grid.columns.map((c) => c.slug), ['add', 'sub']);
    assert.equal(grid.hiddenColumns, 1);
  });
  it('sorts students by handle and fills untouched cells as not started', () => {
    assert.deepEqual(grid.rows.map((r) => r.student.handle), ['maya', 'tane']);
    assert.equal(grid.rows[0].cells[1].status, 'NOT_STARTED');
  });
  it('counts green, blue and red', () => assert.deepEqual(grid.totals, { proficient: 1, working: 1, stuck: 1 }));
  it('lists who is stuck on what', () => assert.deepEqual(grid.stuck.map((s) => `${s.student.handle}/${s.skill.slug}`), ['tane/add']));
  it('shows every skill on request', () =>
    assert.equal(buildClassGrid(classroom([]), { showAllSkills: true }).columns.length, 3));
});

describe('changedCells', () => {
  it('finds a cell that turned green', () => {
    const before = classroom([cell('s1', 'add', 'WORKING')]);
    const after = classroom([cell('s1', 'add', 'PROFICIENT'), cell('s2', 'sub', 'WORKING')]);
    assert.deepEqual([...changedCells(before, after)].sort(), [cellKey('s1', 'add'), cellKey('s2', 'sub')].sort());
  });
  it('highlights nothing on the first load', () => assert.equal(changedCells(null, classroom([])).size, 0));
});
