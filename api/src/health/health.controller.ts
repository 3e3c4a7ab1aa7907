import { Controller, Get, HttpCode, HttpException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '../database/inject-data-source';
import { RedisService } from '../redis/redis.module';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
  ) {}

  /** 200 when Postgres and Redis answer; 503 naming what is down otherwise. */
  @Get()
  @HttpCode(200)
  async check(): Promise<{ status: 'ok'; postgres: 'up'; redis: 'up' }> {
    const [postgres, redis] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => 'up',
        () => 'down',
      ),
      this.redis.client.ping().then(
        () => 'up',
        () => 'down',
      ),
    ]);
    if (postgres !== 'up' || redis !== 'up')
      throw new HttpException({ status: 'down', postgres, redis }, 503);
    return { status: 'ok', postgres: 'up', redis: 'up' };
  }
}
