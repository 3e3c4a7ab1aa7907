import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MasteryLevel } from '@peerlift/domain';

/** One learner's progress in one skill; the columns mirror the domain's MasteryState. */
@Entity('mastery')
export class MasteryEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text', { name: 'skill_slug' }) skillSlug!: string;
  @Column('int') attempts!: number;
  @Column('int') correct!: number;
  @Column('int') streak!: number;
  @Column('int', { name: 'best_streak' }) bestStreak!: number;
  @Column('double precision', { name: 'p_known' }) pKnown!: number;
  @Column('text') level!: MasteryLevel;
  /** Newest last, '1' right and '0' wrong, at most 10 characters. */
  @Column('text', { name: 'recent_results' }) recentResults!: string;
  @Column('int', { name: 'attempts_since_progress' }) attemptsSinceProgress!: number;
  @Column('timestamptz', { name: 'proficient_at', nullable: true }) proficientAt!: Date | null;
  @Column('timestamptz', { name: 'review_due_at', nullable: true }) reviewDueAt!: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
