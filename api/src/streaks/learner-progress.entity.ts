import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One row per learner: the daily streak (with freezes) and the counters the answer-time badges read, all
 * written by the answer's single statement, which applies only against the version it read (so one
 * learner's answers are serialised without a lock held across round trips).
 */
@Entity('learner_progress')
export class LearnerProgressEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('int', { name: 'streak_current' }) streakCurrent!: number;
  @Column('int', { name: 'streak_longest' }) streakLongest!: number;
  /** 'YYYY-MM-DD' in the learner's time zone at the time. */
  @Column('text', { name: 'last_practice_day', nullable: true }) lastPracticeDay!: string | null;
  @Column('int') freezes!: number;
  @Column('int', { name: 'freezes_used' }) freezesUsed!: number;
  /** Local days between the practice day before `lastPracticeDay` and it; null on the first day. */
  @Column('int', { name: 'days_away', nullable: true }) daysAway!: number | null;
  @Column('int', { name: 'correct_today' }) correctToday!: number;
  @Column('int', { name: 'total_correct' }) totalCorrect!: number;
  @Column('int', { name: 'fast_correct_in_a_row' }) fastCorrectInARow!: number;
  /** Bumped by every answer: the answer's write applies only against the version it read. */
  @Column('int') version!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
