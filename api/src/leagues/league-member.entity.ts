import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner's seat in one week's cohort; the outcome columns are filled once, at roll-over. */
@Entity('league_members')
export class LeagueMemberEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text', { name: 'week_key' }) weekKey!: string;
  @Column('text', { name: 'cohort_key' }) cohortKey!: string;
  @Column('text') tier!: string;
  @Column('timestamptz', { name: 'joined_at' }) joinedAt!: Date;
  @Column('int', { name: 'final_rank', nullable: true }) finalRank!: number | null;
  @Column('text', { nullable: true }) outcome!: 'PROMOTED' | 'STAYED' | 'DEMOTED' | null;
  @Column('text', { name: 'next_tier', nullable: true }) nextTier!: string | null;
}
