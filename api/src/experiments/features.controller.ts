import { Controller, Get, Header, Inject, NotFoundException, Param } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FeaturesPayloadService, type ServedPayload } from './features-payload.service';

/**
 * GET /api/features/:clientKey — the GrowthBook features payload, as GrowthBook's own API serves it, for
 * the web app and any other SDK. Public like every HTTP controller here (the GraphQL guard does not
 * apply); the client key is public in GrowthBook too, it only names which payload. The payload carries
 * parameter values, variation keys and experiment names — nothing about learners.
 */
@Controller('api/features')
export class FeaturesController {
  constructor(
    private readonly payload: FeaturesPayloadService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':clientKey')
  // Revalidate every time (Express adds an ETag): a start or stop must reach clients at once.
  @Header('Cache-Control', 'no-cache')
  @Header('Access-Control-Allow-Origin', '*')
  features(@Param('clientKey') clientKey: string): ServedPayload {
    if (clientKey !== this.config.GROWTHBOOK_CLIENT_KEY) throw new NotFoundException('Unknown client key.');
    return this.payload.servedPayload();
  }
}
