import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExperimentDefinition } from '@peerlift/experiments';

/** One phase of an experiment, with the definition locked when it started. */
@Entity('experiment_phases')
export class ExperimentPhaseEntity {
  @PrimaryColumn('text', { name: 'experiment_key' }) experimentKey!: string;
  @PrimaryColumn('int') phase!: number;
  @Column('jsonb') definition!: ExperimentDefinition;
  /** `definitionHash(definition)`: a changed definition in code shows up as a different hash. */
  @Column('text', { name: 'definition_hash' }) definitionHash!: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'stopped_at', nullable: true }) stoppedAt!: Date | null;
}
