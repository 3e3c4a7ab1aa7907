import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A badge awarded to a learner, at most once per (user, badge). The id is the public Open Badges assertion
 * id; the recipient is stored only salted and hashed. When the account is deleted the row stays, revoked
 * and without a user (trigger `gamification_user_deleted`), so its URL answers 410 Gone.
 */
@Entity('user_badges')
export class UserBadgeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text', { name: 'badge_slug' }) badgeSlug!: string;
  @Column('timestamptz', { name: 'awarded_at' }) awardedAt!: Date;
  @Column('text', { name: 'recipient_type' }) recipientType!: 'email' | 'url';
  @Column('text', { name: 'recipient_salt' }) recipientSalt!: string;
  /** `sha256$` + hex(SHA-256(identity + salt)). */
  @Column('text', { name: 'recipient_hash' }) recipientHash!: string;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revocation_reason', nullable: true }) revocationReason!: string | null;
}
