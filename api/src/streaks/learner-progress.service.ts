import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../database/inject-data-source';
import { EMPTY_PROGRESS, progressAsOf, type ProgressRow, type ProgressView } from './learner-progress';

const COLUMNS = `streak_current, streak_longest, last_practice_day, freezes, freezes_used, days_away,
  correct_today, total_correct, fast_correct_in_a_row`;

/**
 * Reads learner_progress (daily streak, freezes, badge counters). The answer statement updates it from
 * `applyAnswerToProgress`, only against the version it read (practice/answer-statements.ts).
 */
@Injectable()
export class LearnerProgressService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The learner's progress as seen now (a missed day shows a broken streak). */
  async view(userId: string, now = new Date()): Promise<ProgressView & { row: ProgressRow }> {
    const [found] = await this.db.query<(ProgressRow & { time_zone: string })[]>(
      `SELECT ${COLUMNS}, u.time_zone FROM users u LEFT JOIN learner_progress p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    const row: ProgressRow = found && found.last_practice_day !== null ? found : { ...EMPTY_PROGRESS };
    return { ...progressAsOf(row, { now, timeZone: found?.time_zone ?? 'UTC' }), row };
  }
}
