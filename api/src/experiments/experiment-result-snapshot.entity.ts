import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExperimentResults } from '@peerlift/experiments';

/** The latest computed results of one experiment phase, refreshed by the worker. */
@Entity('experiment_result_snapshots')
export class ExperimentResultSnapshotEntity {
  @PrimaryColumn('text', { name: 'experiment_key' }) experimentKey!: string;
  @PrimaryColumn('int') phase!: number;
  @Column('timestamptz', { name: 'computed_at' }) computedAt!: Date;
  @Column('jsonb') results!: ExperimentResults;
}
