import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CURRICULUM } from '@peerlift/domain';
import { uniqueHandle, type GraphQLResponse } from '@peerlift/testing';
import { TokenService } from '../../src/auth/token.service';
import type { AppConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { GamificationModule } from '../../src/gamification/gamification.module';
import { QueuesModule } from '../../src/queues/queues.module';
import { RealtimeModule } from '../../src/realtime/realtime.module';
import { RedisModule } from '../../src/redis/redis.module';
import { MatchingModule } from '../../src/tutoring/matching/matching.module';
import { SessionsModule } from '../../src/tutoring/sessions/sessions.module';
import { TutoringCoreModule } from '../../src/tutoring/tutoring-core.module';
import type { TestApi } from '../support/test-api';

export const SKILL = CURRICULUM[0].slug;
export const OTHER_SKILL = CURRICULUM[1].slug;
const THIS_YEAR = new Date().getUTCFullYear();
/** Birth years safely inside one age band whatever today's date: a teen, an adult, a child. */
export const TEEN = THIS_YEAR - 15;
export const ADULT = THIS_YEAR - 30;
export const CHILD = THIS_YEAR - 10;

export interface Person {
  id: string;
  handle: string;
  token: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
}

export interface PersonOptions {
  birthYear?: number;
  languages?: string[];
  timeZone?: string;
  vetted?: boolean;
  verifiedCoach?: boolean;
  role?: 'LEARNER' | 'COACH';
  proficientIn?: string[];
}

/** A user made straight in Postgres (no password hashing) with a real token; optionally proficient in skills. */
export async function person(api: TestApi, o: PersonOptions = {}): Promise<Person> {
  const handle = uniqueHandle('tt');
  const { rows } = await api.sql.query<{ id: string }>(
    `INSERT INTO users (handle, password_hash, role, birth_year, country, languages, time_zone, vetted, verified_coach)
     VALUES ($1, 'no-password', $2, $3, 'NZ', $4, $5, $6, $7) RETURNING id`,
    [
      handle,
      o.role ?? 'LEARNER',
      o.birthYear ?? TEEN,
      o.languages ?? ['en'],
      o.timeZone ?? 'UTC',
      o.vetted ?? false,
      o.verifiedCoach ?? false,
    ],
  );
  const id = rows[0].id;
  for (const slug of o.proficientIn ?? []) await makeProficient(api, id, slug);
  const token = api.app.get(TokenService).issue({ id, role: o.role ?? 'LEARNER' });
  return { id, handle, token, gql: (query, variables) => api.gql(query, variables, token) };
}

export async function makeProficient(
  api: TestApi,
  userId: string,
  slug: string,
  at = 'now()',
): Promise<void> {
  await api.sql.query(
    `INSERT INTO mastery (user_id, skill_slug, attempts, correct, streak, best_streak, p_known, level, recent_results,
                          attempts_since_progress, proficient_at)
     VALUES ($1, $2, 10, 10, 10, 10, 0.97, 'PROFICIENT', '1111111111', 0, ${at})
     ON CONFLICT (user_id, skill_slug) DO UPDATE SET level = 'PROFICIENT', proficient_at = EXCLUDED.proficient_at`,
    [userId, slug],
  );
}

export const OPS = {
  setAvailability: `mutation($a: Boolean!) { setAvailability(available: $a) { available skillSlugs expiresAt heartbeatIntervalSeconds } }`,
  heartbeat: `mutation { heartbeat { available expiresAt } }`,
  myAvailability: `{ myAvailability { available skillSlugs } }`,
  requestHelp: `mutation($s: String!, $n: String) { requestHelp(skillSlug: $s, note: $n) { id state note position tutorsOnline estimatedWaitSeconds } }`,
  myHelpRequest: `{ myHelpRequest { id state position tutorsOnline estimatedWaitSeconds session { id } lesson { text } } }`,
  cancel: `mutation { cancelHelpRequest { id state } }`,
  myOffer: `{ myOffer { id requestId skillSlug note expiresAt } }`,
  accept: `mutation($o: ID!) { acceptOffer(offerId: $o) { id } }`,
  decline: `mutation($o: ID!) { declineOffer(offerId: $o) }`,
  session: `query($id: ID!) { tutoringSession(id: $id) { id state skillSlug myRole completed tutor { handle } learner { handle }
    messages { text masked author { handle } sentAt } rating { stars helpful } } }`,
  send: `mutation($s: ID!, $t: String!) { sendMessage(sessionId: $s, text: $t) { id text masked author { handle } } }`,
  end: `mutation($s: ID!) { endSession(sessionId: $s) { id state completed } }`,
  rate: `mutation($s: ID!, $st: Int!, $h: Boolean!) { rateSession(sessionId: $s, stars: $st, helpful: $h) }`,
  report: `mutation($i: ReportInput!) { report(input: $i) }`,
  block: `mutation($i: BlockInput!) { block(input: $i) }`,
  events: `subscription { tutoringEvents { type requestId offerId sessionId } }`,
} as const;

/** The data of a response, or a thrown error naming the GraphQL errors (arranging steps must succeed). */
export function ok<T>(res: GraphQLResponse<T>): T {
  if (!res.data || res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** Polls `probe` until it returns a value that is not null/undefined/false (no timing is asserted). */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

@Module({})
class MatchingContextModule {
  static forRoot(config: AppConfig) {
    return {
      module: MatchingContextModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        QueuesModule,
        RealtimeModule,
        GamificationModule,
        TutoringCoreModule,
        MatchingModule,
        SessionsModule,
      ],
    };
  }
}

/**
 * The worker's tutoring services without its BullMQ consumers, so a test drives ticks, time-outs and
 * sweeps one call at a time (the jobs the api enqueues simply wait in Redis).
 */
export async function startMatchingContext(api: TestApi): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(MatchingContextModule.forRoot(api.config), {
    logger: false,
  });
  await ctx.init();
  return ctx;
}
