import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ExpectedAnswer } from '@peerlift/domain';

/** A generated exercise instance: belongs to one learner, answered at most once; `expected` never leaves the server before that. */
@Entity('exercises')
export class ExerciseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'skill_slug' }) skillSlug!: string;
  @Column('int') seed!: number;
  @Column('text') prompt!: string;
  @Column('jsonb') expected!: ExpectedAnswer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
}
