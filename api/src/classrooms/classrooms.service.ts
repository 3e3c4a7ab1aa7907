import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CURRICULUM, masteryStatus } from '@peerlift/domain';
import type { AuthenticatedUser } from '../auth/token.service';
import { MASTERY_COLUMNS, masteryStateFromRow, type MasteryRow } from '../curriculum/mastery-row';
import type { MasteryLevelEnum, MasteryStatusEnum } from '../curriculum/models/skill.model';
import { InjectDataSource } from '../database/inject-data-source';
import { uniqueViolation } from '../database/sql';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import type { ClassroomDetailModel, ClassroomModel, ClassStudentModel } from './models/classroom.model';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const MAX_CLASSROOMS_PER_COACH = 50;
const MAX_STUDENTS_PER_CLASSROOM = 200;

interface ClassroomRow {
  id: string;
  name: string;
  join_code: string;
  coach_id: string;
  student_count: number;
}

@Injectable()
export class ClassroomsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(coachId: string, name: string): Promise<ClassroomModel> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM classrooms WHERE coach_id = $1`,
      [coachId],
    );
    if (n >= MAX_CLASSROOMS_PER_COACH) {
      throw new PeerliftError(
        ErrorCode.BAD_USER_INPUT,
        `A coach can have at most ${MAX_CLASSROOMS_PER_COACH} classrooms.`,
      );
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      try {
        const [row] = await this.db.query<ClassroomRow[]>(
          `INSERT INTO classrooms (coach_id, name, join_code) VALUES ($1, $2, $3) RETURNING id, name, join_code`,
          [coachId, name.trim(), code],
        );
        return { id: row.id, name: row.name, joinCode: row.join_code, studentCount: 0 };
      } catch (e) {
        if (uniqueViolation(e) !== 'classrooms_join_code_key') throw e; // a code collision: draw again
      }
    }
    throw new PeerliftError(ErrorCode.INTERNAL_SERVER_ERROR, 'Could not create a join code; try again.');
  }

  async join(userId: string, code: string): Promise<ClassroomModel> {
    return this.db.transaction(async (m) => {
      const [room] = await m.query<ClassroomRow[]>(
        `SELECT c.id, c.name, c.coach_id, (SELECT count(*)::int FROM classroom_members WHERE classroom_id = c.id) AS student_count
         FROM classrooms c WHERE c.join_code = $1 FOR UPDATE`,
        [code.toUpperCase()],
      );
      if (!room) throw new PeerliftError(ErrorCode.NOT_FOUND, 'No classroom has that join code.');
      if (room.coach_id === userId)
        throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'You coach this classroom.');
      if (room.student_count >= MAX_STUDENTS_PER_CLASSROOM) {
        throw new PeerliftError(ErrorCode.BAD_USER_INPUT, 'This classroom is full.');
      }
      const inserted = await m.query<unknown[]>(
        `INSERT INTO classroom_members (classroom_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [room.id, userId],
      );
      return {
        id: room.id,
        name: room.name,
        joinCode: null,
        studentCount: room.student_count + inserted.length,
      };
    });
  }

  /** A coach's own classrooms, or the classrooms a learner joined. */
  async mine(user: AuthenticatedUser): Promise<ClassroomModel[]> {
    const rows = await this.db.query<ClassroomRow[]>(
      `SELECT c.id, c.name, c.join_code, c.coach_id,
              (SELECT count(*)::int FROM classroom_members WHERE classroom_id = c.id) AS student_count
       FROM classrooms c
       WHERE c.coach_id = $1 OR EXISTS (SELECT 1 FROM classroom_members m WHERE m.classroom_id = c.id AND m.user_id = $1)
       ORDER BY c.created_at`,
      [user.id],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      joinCode: r.coach_id === user.id ? r.join_code : null,
      studentCount: r.student_count,
    }));
  }

  /** The coach's green/blue/red grid. Anyone but the classroom's coach (or an admin) gets NOT_FOUND. */
  async detail(user: AuthenticatedUser, id: string): Promise<ClassroomDetailModel> {
    const room = await this.requireOwnClassroom(user, id);
    const students = await this.students(id);
    const rows = await this.db.query<(MasteryRow & { user_id: string })[]>(
      `SELECT user_id, ${MASTERY_COLUMNS} FROM mastery WHERE user_id = ANY($1::uuid[])`,
      [students.map((s) => s.id)],
    );
    return {
      id: room.id,
      name: room.name,
      joinCode: room.join_code,
      students,
      skills: CURRICULUM.map((s) => ({ slug: s.slug, title: s.title })),
      cells: rows.map((r) => {
        const state = masteryStateFromRow(r);
        return {
          studentId: r.user_id,
          skillSlug: r.skill_slug,
          level: state.level as MasteryLevelEnum,
          status: masteryStatus(state) as MasteryStatusEnum,
          streak: state.streak,
          attempts: state.attempts,
        };
      }),
    };
  }

  async requireOwnClassroom(user: AuthenticatedUser, id: string): Promise<ClassroomRow> {
    const [room] = await this.db.query<ClassroomRow[]>(
      `SELECT id, name, join_code, coach_id FROM classrooms WHERE id = $1`,
      [id],
    );
    if (!room || (room.coach_id !== user.id && user.role !== 'ADMIN')) {
      throw new PeerliftError(ErrorCode.NOT_FOUND, 'No such classroom among yours.');
    }
    return room;
  }

  async students(classroomId: string): Promise<ClassStudentModel[]> {
    return await this.db.query<ClassStudentModel[]>(
      `SELECT u.id, u.handle, u.total_points AS "totalPoints" FROM classroom_members m JOIN users u ON u.id = m.user_id
       WHERE m.classroom_id = $1 ORDER BY lower(u.handle)`,
      [classroomId],
    );
  }
}
