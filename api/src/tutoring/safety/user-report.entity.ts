import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReportReason = 'CONTACT_SHARING' | 'HARASSMENT' | 'INAPPROPRIATE' | 'SPAM' | 'OTHER';

@Entity('user_reports')
export class UserReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'reporter_id' }) reporterId!: string;
  @Column('uuid', { name: 'reported_user_id' }) reportedUserId!: string;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('text') reason!: ReportReason;
  @Column('text') details!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
