import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Processor, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueName } from '@peerlift/contracts';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * BullMQ's Redis connections and naming for one process. Producers (the api) fail fast when Redis is down
 * (`enableOfflineQueue: false`) instead of piling commands up; workers need `maxRetriesPerRequest: null`.
 * Every queue lives under `<REDIS_PREFIX>:bull`, so test runs never see each other's jobs.
 */
@Injectable()
export class BullConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('BullMQ');
  private readonly producer: Redis;
  private readonly consumer: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.REDIS_PREFIX}:bull`;
    this.producer = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.consumer = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  worker(name: QueueName, processor: Processor, options: Partial<WorkerOptions> = {}): Worker {
    const worker = new Worker(name, processor, {
      connection: this.consumer,
      prefix: this.prefix,
      ...options,
    });
    // Without a listener an 'error' event (a lost lock, a job whose key a Redis flush took) is thrown as
    // an unhandled error; BullMQ retries and every job is idempotent, so it is reported and let be.
    worker.on('error', (e) => this.logger.warn(`${name} worker: ${e.message}`));
    this.workers.push(worker);
    return worker;
  }

  /** Workers finish their active jobs first, so a deploy never abandons one half-done. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.producer.disconnect();
    await this.consumer.quit().catch(() => this.consumer.disconnect());
  }
}
