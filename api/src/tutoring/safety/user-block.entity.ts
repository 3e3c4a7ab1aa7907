import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A blocked pair is never matched again, in either direction. */
@Entity('user_blocks')
export class UserBlockEntity {
  @PrimaryColumn('uuid', { name: 'blocker_id' }) blockerId!: string;
  @PrimaryColumn('uuid', { name: 'blocked_id' }) blockedId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
