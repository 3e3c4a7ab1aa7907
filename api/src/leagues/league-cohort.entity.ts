import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One weekly cohort of a (week, tier, experiment arm) group; `cohortKey` comes from `cohortKeyFor`. */
@Entity('league_cohorts')
export class LeagueCohortEntity {
  @PrimaryColumn('text', { name: 'cohort_key' }) cohortKey!: string;
  @Column('text', { name: 'week_key' }) weekKey!: string;
  @Column('text') tier!: string;
  @Column('text', { name: 'arm_key' }) armKey!: string;
  @Column('int') sequence!: number;
  @Column('int', { name: 'member_count' }) memberCount!: number;
  @Column('timestamptz', { name: 'rolled_over_at', nullable: true }) rolledOverAt!: Date | null;
}
