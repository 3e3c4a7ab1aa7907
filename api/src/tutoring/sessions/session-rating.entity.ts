import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The learner's rating of a session (one per session and rater). */
@Entity('session_ratings')
export class SessionRatingEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @PrimaryColumn('uuid', { name: 'rater_id' }) raterId!: string;
  @Column('int') stars!: number;
  @Column('boolean') helpful!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
