import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActivityKind = 'LESSON_VIEWED' | 'VIDEO_PLAY' | 'VIDEO_PAUSE' | 'VIDEO_SEEK';

/** Lesson and video events a coach sees in a student's activity log. */
@Entity('activity_events')
export class ActivityEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'skill_slug' }) skillSlug!: string;
  @Column('text') kind!: ActivityKind;
  @Column('real', { name: 'position_seconds', nullable: true }) positionSeconds!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
