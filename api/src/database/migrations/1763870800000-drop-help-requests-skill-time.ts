import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * help_requests_skill_time (skill, created_at over every request) served no query: a skill's line is read
 * through help_requests_open_line, which holds only the open requests. Every request's insert and each of
 * its state changes (none of them HOT: state is in the partial indexes' predicates) still wrote to it — one
 * index in six on the path of requestHelp, the tick's confirmation and the accept.
 */
export class DropHelpRequestsSkillTime1763870800000 implements MigrationInterface {
  name = 'DropHelpRequestsSkillTime1763870800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX help_requests_skill_time`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX help_requests_skill_time ON help_requests (skill_slug, created_at)`);
  }
}
