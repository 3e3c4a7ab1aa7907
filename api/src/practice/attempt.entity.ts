import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An answer to an exercise. Unique per exercise and per (user, idempotency key); `result` is replayed on retries. */
@Entity('attempts')
export class AttemptEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'exercise_id' }) exerciseId!: string;
  @Column('text', { name: 'skill_slug' }) skillSlug!: string;
  @Column('text') answer!: string;
  @Column('boolean') correct!: boolean;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('jsonb') result!: Record<string, unknown>;
  @Column('int', { name: 'elapsed_ms', nullable: true }) elapsedMs!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
