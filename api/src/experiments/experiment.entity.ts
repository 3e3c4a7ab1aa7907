import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExperimentStatus } from '@peerlift/experiments';

/** Run-time state of one experiment; its definition is code (experiments/src/definitions). */
@Entity('experiments')
export class ExperimentEntity {
  @PrimaryColumn('text') key!: string;
  @Column('text') status!: ExperimentStatus;
  /** Increments on every start; exposures and results are per phase. */
  @Column('int') phase!: number;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'stopped_at', nullable: true }) stoppedAt!: Date | null;
  /** Variation key shipped to everyone after the stop, if any. */
  @Column('text', { nullable: true }) winner!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
