import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { hostedAssertionHttpStatus } from '@peerlift/domain';
import { OpenBadgesService } from './open-badges.service';

const JSON_LD = 'application/ld+json; charset=utf-8';
/** Catalogue documents change only with a release; assertions must show a revocation at once. */
const CACHE_STATIC = 'public, max-age=3600';
const CACHE_ASSERTION = 'no-cache';

/**
 * Open Badges 2.0 hosted verification: public, stable URLs (no token; the GraphQL guard does not apply to
 * HTTP controllers). Readable cross-origin so badge displayers can fetch them from a browser.
 */
@Controller('badges')
export class OpenBadgesController {
  constructor(private readonly docs: OpenBadgesService) {}

  @Get('issuer')
  issuer(@Res() res: FastifyReply): void {
    send(res, 200, JSON_LD, CACHE_STATIC, JSON.stringify(this.docs.issuer()));
  }

  @Get('classes/:slug')
  badgeClass(@Param('slug') slug: string, @Res() res: FastifyReply): void {
    const doc = this.docs.badgeClass(slug);
    if (!doc) throw new NotFoundException('No such badge.');
    send(res, 200, JSON_LD, CACHE_STATIC, JSON.stringify(doc));
  }

  @Get('assertions/:id')
  async assertion(@Param('id') id: string, @Res() res: FastifyReply): Promise<void> {
    const doc = await this.docs.assertion(id);
    if (!doc) throw new NotFoundException('No such assertion.');
    send(res, hostedAssertionHttpStatus(doc), JSON_LD, CACHE_ASSERTION, JSON.stringify(doc));
  }

  @Get('images/:file')
  image(@Param('file') file: string, @Res() res: FastifyReply): void {
    const slug = /^([a-z0-9-]{1,64})\.svg$/.exec(file)?.[1];
    const svg = slug ? this.docs.image(slug) : null;
    if (!svg) throw new NotFoundException('No such badge image.');
    send(res, 200, 'image/svg+xml; charset=utf-8', CACHE_STATIC, svg);
  }
}

function send(res: FastifyReply, status: number, type: string, cache: string, body: string): void {
  void res
    .status(status)
    .headers({ 'Content-Type': type, 'Cache-Control': cache, 'Access-Control-Allow-Origin': '*' })
    .send(body);
}
