import 'reflect-metadata';
import { ConfigError, loadAppConfig } from './config/app-config';
import { ServiceUnavailableError } from './database/ensure-database';
import { migrateAndSeedCurriculum } from './database/migrate';
import { seedDemoWorld } from './database/seed-demo-world';

/** `node dist/api/src/cli.js migrate | seed-demo` — used by npm start and docker compose. */
async function main(command: string | undefined): Promise<void> {
  const config = loadAppConfig();
  switch (command) {
    case 'migrate':
      await migrateAndSeedCurriculum(config.DATABASE_URL);
      console.log('database migrated; knowledge map seeded');
      return;
    case 'seed-demo': {
      const summary = await seedDemoWorld(config.DATABASE_URL);
      console.log(summary);
      return;
    }
    default:
      throw new ConfigError(`usage: cli.js migrate | seed-demo (got "${command ?? ''}")`);
  }
}

main(process.argv[2]).catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof ServiceUnavailableError ? e.message : e);
  process.exit(1);
});
