import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  badgeImageSvg,
  buildAssertion,
  buildBadgeClass,
  buildIssuerProfile,
  findBadge,
  type OpenBadgesAssertion,
  type OpenBadgesBadgeClass,
  type OpenBadgesIssuerProfile,
} from '@peerlift/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InjectDataSource } from '../database/inject-data-source';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AssertionRow {
  id: string;
  badge_slug: string;
  awarded_at: Date;
  recipient_type: 'email' | 'url';
  recipient_salt: string;
  recipient_hash: string;
  revocation_reason: string | null;
}

/** The Open Badges 2.0 hosted documents (libs/domain/open-badges builds them; this finds their data). */
@Injectable()
export class OpenBadgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issuer(): OpenBadgesIssuerProfile {
    const base = this.config.PUBLIC_URL;
    return buildIssuerProfile({
      baseUrl: base,
      name: 'Peerlift',
      email: this.config.OPEN_BADGES_ISSUER_EMAIL,
      url: base,
    });
  }

  badgeClass(slug: string): OpenBadgesBadgeClass | null {
    const badge = findBadge(slug);
    return badge ? buildBadgeClass({ baseUrl: this.config.PUBLIC_URL, badge }) : null;
  }

  image(slug: string): string | null {
    const badge = findBadge(slug);
    return badge ? badgeImageSvg(badge) : null;
  }

  /** The hosted assertion, revoked ones included (served as 410); null for an unknown id. */
  async assertion(id: string): Promise<OpenBadgesAssertion | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query<AssertionRow[]>(
      `SELECT id, badge_slug, awarded_at, recipient_type, recipient_salt, recipient_hash, revocation_reason
       FROM user_badges WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const assertion = buildAssertion({
      baseUrl: this.config.PUBLIC_URL,
      assertionId: row.id,
      badgeSlug: row.badge_slug,
      // The hash was computed at award time and stored, so serving never needs the plaintext identity —
      // which is gone once the account is deleted. The placeholder is replaced just below.
      recipientIdentity: 'stored-hash',
      recipientType: row.recipient_type,
      salt: row.recipient_salt,
      issuedOn: row.awarded_at,
      ...(row.revocation_reason !== null ? { revoked: { reason: row.revocation_reason } } : {}),
    });
    return { ...assertion, recipient: { ...assertion.recipient, identity: row.recipient_hash } };
  }
}
