import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type HelpRequestState = 'WAITING' | 'OFFERED' | 'MATCHED' | 'CLOSED' | 'EXPIRED' | 'CANCELLED';

/** A learner asking for a tutor in one skill. At most one is open (WAITING, OFFERED, MATCHED) per learner. */
@Entity('help_requests')
export class HelpRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'learner_id' }) learnerId!: string;
  @Column('text', { name: 'skill_slug' }) skillSlug!: string;
  @Column('text') note!: string;
  @Column('text') state!: HelpRequestState;
  /** Fencing token of the Redis claim that holds or matched the request. */
  @Column('bigint', { nullable: true }) fence!: string | null;
  @Column('uuid', { name: 'current_offer_id', nullable: true }) currentOfferId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'matched_at', nullable: true }) matchedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
