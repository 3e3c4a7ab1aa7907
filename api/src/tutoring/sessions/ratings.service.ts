import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import { sqlRows } from '../../database/sql';
import { ErrorCode, PeerliftError } from '../../graphql/peerlift-error';
import { TutorRewardsService } from './tutor-rewards.service';

/** The learner rates a session once (stars and "helpful"); ratings feed the tutor's matching cost and badges. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rewards: TutorRewardsService,
  ) {}

  async rate(userId: string, sessionId: string, stars: number, helpful: boolean): Promise<boolean> {
    const tutorId = await this.db.transaction(async (m) => {
      const [s] = await sqlRows<{ tutor_id: string; learner_id: string }>(
        m,
        `SELECT tutor_id, learner_id FROM tutoring_sessions WHERE id = $1 AND $2 IN (tutor_id, learner_id)`,
        [sessionId, userId],
      );
      if (!s) throw new PeerliftError(ErrorCode.NOT_FOUND, 'There is no such session of yours.');
      if (s.learner_id !== userId)
        throw new PeerliftError(ErrorCode.FORBIDDEN, 'Only the learner rates a session.');
      const inserted = await sqlRows(
        m,
        `INSERT INTO session_ratings (session_id, rater_id, stars, helpful) VALUES ($1, $2, $3, $4)
         ON CONFLICT (session_id, rater_id) DO NOTHING RETURNING 1`,
        [sessionId, userId, stars, helpful],
      );
      if (inserted.length === 0)
        throw new PeerliftError(ErrorCode.ALREADY_RATED, 'You already rated this session.');
      return s.tutor_id;
    });
    await this.rewards.afterCommit(tutorId);
    return true;
  }
}
