import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PointReason = 'CORRECT_ANSWER' | 'PROFICIENCY' | 'MASTERY' | 'TUTORING' | 'TUTOR_IMPACT' | 'BADGE' | 'STREAK';

/** Append-only: a row is never updated or deleted. `sourceKey` is unique per learner, so no source pays twice. */
@Entity('point_ledger')
export class PointLedgerEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') reason!: PointReason;
  @Column('int') amount!: number;
  @Column('text', { name: 'source_key' }) sourceKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
