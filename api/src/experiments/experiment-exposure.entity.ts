import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner's first exposure to an experiment in one phase (at most one row per phase). */
@Entity('experiment_exposures')
export class ExperimentExposureEntity {
  @PrimaryColumn('text', { name: 'experiment_key' }) experimentKey!: string;
  @PrimaryColumn('int') phase!: number;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'variation_key' }) variationKey!: string;
  /** The unit that was hashed: the learner's id, or their classroom's for classroom experiments. */
  @Column('text', { name: 'hash_value' }) hashValue!: string;
  @Column('timestamptz', { name: 'first_seen_at' }) firstSeenAt!: Date;
}
