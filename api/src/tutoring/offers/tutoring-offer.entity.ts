import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TutoringOfferState = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN';

/** An exclusive offer of one help request to one tutor, for a short TTL. The id is chosen by the worker. */
@Entity('tutoring_offers')
export class TutoringOfferEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'tutor_id' }) tutorId!: string;
  @Column('text') state!: TutoringOfferState;
  @Column('bigint') fence!: string;
  @Column('double precision', { nullable: true }) cost!: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt!: Date | null;
}
