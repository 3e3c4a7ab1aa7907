import { Queue, Worker, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { MAINTENANCE_JOB, QUEUE } from '@peerlift/contracts';
import { createDataSource } from '@peerlift/api/database/data-source';
import type { WorkerConfig } from './config/worker-config';
import { maintenanceProcessor } from './maintenance/maintenance.processor';

export interface WorkerRuntime {
  db: DataSource;
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Starts every queue's BullMQ worker and registers the job schedulers. Workers use their own Redis
 * connection with `maxRetriesPerRequest: null`, as BullMQ requires; the queue prefix keeps test runs apart.
 */
export async function startWorkerRuntime(config: WorkerConfig): Promise<WorkerRuntime> {
  const db = await createDataSource(config.DATABASE_URL, { poolSize: 10 }).initialize();
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `${config.REDIS_PREFIX}:bull`;
  const worker = (name: string, processor: Processor) =>
    new Worker(name, processor, { connection, prefix, concurrency: config.WORKER_CONCURRENCY });

  const workers = [worker(QUEUE.maintenance, maintenanceProcessor(db))];

  const maintenance = new Queue(QUEUE.maintenance, { connection, prefix });
  await maintenance.upsertJobScheduler(
    MAINTENANCE_JOB.expireStaleExercises,
    { every: 60 * 60 * 1000 },
    {
      name: MAINTENANCE_JOB.expireStaleExercises,
      data: { olderThanHours: config.STALE_EXERCISE_HOURS },
      opts: { removeOnComplete: 100, removeOnFail: 500 },
    },
  );
  await maintenance.close();

  return {
    db,
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => connection.disconnect());
      await db.destroy();
    },
  };
}
