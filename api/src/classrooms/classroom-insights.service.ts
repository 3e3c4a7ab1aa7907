import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findSkill, isProficientOrBetter, masteryStatus } from '@peerlift/domain';
import type { AuthenticatedUser } from '../auth/token.service';
import { MASTERY_COLUMNS, masteryStateFromRow, type MasteryRow } from '../curriculum/mastery-row';
import { InjectDataSource } from '../database/inject-data-source';
import { ErrorCode, PeerliftError } from '../graphql/peerlift-error';
import { ClassroomsService } from './classrooms.service';
import type { StudentActivityModel, TutorSuggestionModel } from './models/classroom.model';

/** Time on one exercise counts at most this much: a tab left open overnight is not practice. */
const ELAPSED_CAP_MS = 5 * 60 * 1000;

@Injectable()
export class ClassroomInsightsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly classrooms: ClassroomsService,
  ) {}

  /** A student's lessons, video events and answers, newest first — for that classroom's coach only. */
  async activity(
    user: AuthenticatedUser,
    classroomId: string,
    studentId: string,
    first: number,
  ): Promise<StudentActivityModel> {
    await this.classrooms.requireOwnClassroom(user, classroomId);
    const student = (await this.classrooms.students(classroomId)).find((s) => s.id === studentId);
    if (!student) throw new PeerliftError(ErrorCode.NOT_FOUND, 'That student is not in this classroom.');
    const entries = await this.db.query<StudentActivityModel['entries']>(
      `(SELECT created_at AS at, kind, skill_slug AS "skillSlug", NULL::boolean AS correct, position_seconds AS "positionSeconds", NULL::int AS "elapsedMs"
          FROM activity_events WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2)
       UNION ALL
       (SELECT created_at, 'ANSWER', skill_slug, correct, NULL, elapsed_ms FROM attempts WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2)
       ORDER BY at DESC LIMIT $2`,
      [studentId, first],
    );
    const [totals] = await this.db.query<{ correct: number; wrong: number; seconds: number }[]>(
      `SELECT count(*) FILTER (WHERE correct)::int AS correct, count(*) FILTER (WHERE NOT correct)::int AS wrong,
              (coalesce(sum(LEAST(elapsed_ms, $2)), 0) / 1000)::int AS seconds
       FROM attempts WHERE user_id = $1`,
      [studentId, ELAPSED_CAP_MS],
    );
    return {
      student,
      entries,
      correctAnswers: totals.correct,
      wrongAnswers: totals.wrong,
      timeSpentSeconds: totals.seconds,
    };
  }

  /** Pairs inside the class: a student PROFICIENT or better in a skill, and one working or stuck on it. */
  async tutorSuggestions(user: AuthenticatedUser, classroomId: string): Promise<TutorSuggestionModel[]> {
    await this.classrooms.requireOwnClassroom(user, classroomId);
    const students = await this.classrooms.students(classroomId);
    const byId = new Map(students.map((s) => [s.id, s]));
    const rows = await this.db.query<(MasteryRow & { user_id: string })[]>(
      `SELECT user_id, ${MASTERY_COLUMNS} FROM mastery WHERE user_id = ANY($1::uuid[])`,
      [[...byId.keys()]],
    );
    const suggestions: TutorSuggestionModel[] = [];
    const bySkill = new Map<string, typeof rows>();
    for (const r of rows) bySkill.set(r.skill_slug, [...(bySkill.get(r.skill_slug) ?? []), r]);
    for (const [slug, skillRows] of bySkill) {
      const states = skillRows.map((r) => ({ id: r.user_id, state: masteryStateFromRow(r) }));
      const tutors = states.filter((s) => isProficientOrBetter(s.state.level));
      const learners = states
        .filter((s) => !isProficientOrBetter(s.state.level))
        .sort(
          (a, b) => Number(masteryStatus(b.state) === 'STUCK') - Number(masteryStatus(a.state) === 'STUCK'),
        );
      // Spread the work: each learner gets the next tutor in turn.
      learners.forEach((learner, i) => {
        const tutor = tutors[i % Math.max(tutors.length, 1)];
        if (!tutor) return;
        suggestions.push({
          skill: { slug, title: findSkill(slug)?.title ?? slug },
          tutor: byId.get(tutor.id)!,
          learner: byId.get(learner.id)!,
        });
      });
    }
    return suggestions;
  }
}
