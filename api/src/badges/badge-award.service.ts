import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hashRecipientIdentity, type Badge, type PointValues } from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { sqlRows } from '../database/sql';
import type { PointAward } from '../gamification/point-ledger.service';
import { recipientIdentity, RECIPIENT_TYPE } from './badge-recipient';
import type { BadgeRefModel } from './models/badge.model';

/** One award as the answer statement inserts it (and reports it back when the insert wins). */
export interface PreparedBadge {
  slug: string;
  name: string;
  tier: Badge['tier'];
  recipient_type: typeof RECIPIENT_TYPE;
  salt: string;
  hash: string;
}

export interface BadgeAwarding {
  /** Badges inserted now, in catalogue order (a concurrent award of the same badge inserts nothing). */
  earned: BadgeRefModel[];
  /** The ledger entries those awards pay (`badge:<slug>`, amount by tier); the caller pays them. */
  awards: PointAward[];
}

/** Inserts awards inside the caller's transaction; UNIQUE (user_id, badge_slug) makes each one once-only. */
@Injectable()
export class BadgeAwardService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * The rows to insert for these badges: a fresh random salt each and the recipient hashed with it now, so
   * serving an assertion never needs the plaintext identity (which is gone once the account is deleted).
   */
  prepare(userId: string, badges: readonly Badge[]): PreparedBadge[] {
    const identity = recipientIdentity(this.config.PUBLIC_URL, userId);
    return badges.map((b) => {
      const salt = randomBytes(16).toString('hex');
      return {
        slug: b.slug,
        name: b.name,
        tier: b.tier,
        recipient_type: RECIPIENT_TYPE,
        salt,
        hash: hashRecipientIdentity(identity, salt),
      };
    });
  }

  /** Points for badges (`badge:<slug>` pays once per learner), by tier. */
  awardsFor(badges: readonly Pick<Badge, 'slug' | 'tier'>[], values: PointValues): PointAward[] {
    return badges.map((b) => ({
      reason: 'BADGE',
      amount: values.badge[b.tier],
      sourceKey: `badge:${b.slug}`,
    }));
  }

  /** Inserts awards in the caller's transaction (the worker's path; answers insert inside their own statement). */
  async award(
    m: EntityManager,
    userId: string,
    badges: readonly Badge[],
    values: PointValues,
  ): Promise<BadgeAwarding> {
    if (badges.length === 0) return { earned: [], awards: [] };
    const rows = this.prepare(userId, badges);
    const inserted = await sqlRows<{ badge_slug: string }>(
      m,
      `INSERT INTO user_badges (user_id, badge_slug, recipient_type, recipient_salt, recipient_hash)
       SELECT $1, b.slug, b.recipient_type, b.salt, b.hash
       FROM jsonb_to_recordset($2::jsonb) AS b(slug text, recipient_type text, salt text, hash text)
       ON CONFLICT (user_id, badge_slug) DO NOTHING
       RETURNING badge_slug`,
      [userId, JSON.stringify(rows)],
    );
    const fresh = new Set(inserted.map((r) => r.badge_slug));
    const earned = badges.filter((b) => fresh.has(b.slug));
    return {
      earned: earned.map((b) => ({ slug: b.slug, name: b.name, tier: b.tier })),
      awards: this.awardsFor(earned, values),
    };
  }
}
