import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A chat message; `originalText` is the transcript kept for moderation and never shown to participants. */
@Entity('session_messages')
export class SessionMessageEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('text') text!: string;
  @Column('text', { name: 'original_text' }) originalText!: string;
  @Column('boolean') masked!: boolean;
  @Column('timestamptz', { name: 'sent_at' }) sentAt!: Date;
}
