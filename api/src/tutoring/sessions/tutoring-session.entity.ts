import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TutoringSessionState = 'LIVE' | 'ENDED';

@Entity('tutoring_sessions')
export class TutoringSessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'offer_id' }) offerId!: string;
  @Column('uuid', { name: 'tutor_id' }) tutorId!: string;
  @Column('uuid', { name: 'learner_id' }) learnerId!: string;
  @Column('text', { name: 'skill_slug' }) skillSlug!: string;
  @Column('text') state!: TutoringSessionState;
  @Column('boolean', { name: 'involves_minor' }) involvesMinor!: boolean;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('uuid', { name: 'ended_by', nullable: true }) endedBy!: string | null;
  @Column('boolean') completed!: boolean;
}
