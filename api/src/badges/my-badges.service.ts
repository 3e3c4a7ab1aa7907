import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badgeProgress, findBadge, openBadgesAssertionUrl } from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '../database/inject-data-source';
import { recipientIdentity } from './badge-recipient';
import { BadgeStatsService } from './badge-stats.service';
import type { EarnedBadgeModel, MyBadgesModel } from './models/badge.model';

/** `myBadges`: what I hold (with portable assertion URLs) and how close I am to the rest. */
@Injectable()
export class MyBadgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stats: BadgeStatsService,
  ) {}

  async myBadges(userId: string): Promise<MyBadgesModel> {
    const rows = await this.db.query<{ id: string; badge_slug: string; awarded_at: Date }[]>(
      `SELECT id, badge_slug, awarded_at FROM user_badges WHERE user_id = $1 AND revoked_at IS NULL
       ORDER BY awarded_at DESC, badge_slug`,
      [userId],
    );
    const { stats, held } = await this.db.transaction((m) => this.stats.full(m, userId));
    const earned: EarnedBadgeModel[] = [];
    for (const row of rows) {
      const badge = findBadge(row.badge_slug);
      if (!badge) continue; // retired from the catalogue: its assertion stays valid, the app no longer lists it
      earned.push({
        slug: badge.slug,
        name: badge.name,
        tier: badge.tier,
        awardedAt: row.awarded_at,
        assertionUrl: openBadgesAssertionUrl(this.config.PUBLIC_URL, row.id),
      });
    }
    const progress = badgeProgress(stats, held)
      .filter((p) => !p.earned)
      .map((p) => {
        const badge = findBadge(p.slug)!;
        return {
          slug: p.slug,
          name: badge.name,
          description: badge.description,
          tier: badge.tier,
          current: p.current,
          target: p.target,
        };
      });
    return { earned, progress, recipientIdentity: recipientIdentity(this.config.PUBLIC_URL, userId) };
  }
}
