import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../database/inject-data-source';
import { RealtimeService } from '../realtime/realtime.module';
import type { ClassroomUpdateModel } from './models/classroom.model';

/** Tells the coaches of a learner's classrooms to refetch the grid. Best effort: the grid is in Postgres. */
@Injectable()
export class ClassroomEventsService {
  private readonly logger = new Logger(ClassroomEventsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  channel(classroomId: string): string {
    return this.realtime.channel('classroom', classroomId);
  }

  /** `classroomIds` as read in the answer's own statement; looked up only when the caller has none. */
  async masteryChanged(
    studentId: string,
    skillSlug: string,
    classroomIds?: readonly string[],
  ): Promise<void> {
    try {
      const rooms =
        classroomIds ??
        (
          await this.db.query<{ classroom_id: string }[]>(
            `SELECT classroom_id FROM classroom_members WHERE user_id = $1`,
            [studentId],
          )
        ).map((r) => r.classroom_id);
      await Promise.all(
        rooms.map((classroomId) =>
          this.realtime.publish(this.channel(classroomId), {
            classroomUpdates: { classroomId, studentId, skillSlug } satisfies ClassroomUpdateModel,
          }),
        ),
      );
    } catch (e) {
      this.logger.warn(`classroom update not published: ${(e as Error).message}`);
    }
  }
}
