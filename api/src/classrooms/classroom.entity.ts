import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('classrooms')
export class ClassroomEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'coach_id' }) coachId!: string;
  @Column('text') name!: string;
  /** Six characters without look-alikes (no 0/O, 1/I/L), shared by the coach with the class. */
  @Column('text', { name: 'join_code' }) joinCode!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('classroom_members')
export class ClassroomMemberEntity {
  @PrimaryColumn('uuid', { name: 'classroom_id' }) classroomId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}
