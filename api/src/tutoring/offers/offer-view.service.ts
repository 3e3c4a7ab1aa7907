import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../../database/inject-data-source';
import type { OfferModel } from './models/offer.model';

@Injectable()
export class OfferViewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** My pending offer that has not lapsed, if any (at most one: a partial unique index). */
  async mine(tutorId: string): Promise<OfferModel | null> {
    const [row] = await this.db.query<OfferModel[]>(
      `SELECT o.id, o.request_id AS "requestId", h.skill_slug AS "skillSlug", h.note, o.expires_at AS "expiresAt"
       FROM tutoring_offers o JOIN help_requests h ON h.id = o.request_id
       WHERE o.tutor_id = $1 AND o.state = 'PENDING' AND o.expires_at > now()`,
      [tutorId],
    );
    return row ?? null;
  }
}
