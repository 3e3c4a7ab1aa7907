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

  async masteryChanged(studentId: string, skillSlug: string): Promise<void> {
    try {
      const rooms = await this.db.query<
        {
          classroom_id: string;
        }[]
      >(`SELECT classroom_id FROM classroom_members WHERE user_id = $1`, [studentId]);
      await Promise.all(
        rooms.map((r) =>
          this.realtime.publish(this.channel(r.classroom_id), {
            classroomUpdates: {
              classroomId: r.classroom_id,
              studentId,
              skillSlug,
            } satisfies ClassroomUpdateModel,
          }),
        ),
      );
    } catch (e) {
      this.logger.warn(`classroom update not published: ${(e as Error).message}`);
    }
  }
}
