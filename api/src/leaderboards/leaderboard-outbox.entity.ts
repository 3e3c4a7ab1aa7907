import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "This learner's boards may be stale": written in the transaction that changes their points (or by the
 * membership/deletion triggers), deleted only after Redis holds the recomputed scores. `removeFrom` lists
 * scopes to take the learner out of first: 'GLOBAL', 'COUNTRY:NZ', 'CLASSROOM:<uuid>'.
 */
@Entity('leaderboard_outbox')
export class LeaderboardOutboxEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'remove_from', array: true }) removeFrom!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
