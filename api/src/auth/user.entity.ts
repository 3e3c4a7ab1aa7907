import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'LEARNER' | 'COACH' | 'EXPERIMENTER' | 'ADMIN';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Public, shown on leaderboards; unique case-insensitively (index on lower(handle)). */
  @Column('text') handle!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text') role!: Role;
  /** Birth year only (not a date) — enough for age bands, less personal data. */
  @Column('int', { name: 'birth_year' }) birthYear!: number;
  @Column('text') country!: string;
  @Column('text', { array: true }) languages!: string[];
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('int', { name: 'total_points', default: 0 }) totalPoints!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
