import { DataSource } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ClassroomEntity, ClassroomMemberEntity } from '../classrooms/classroom.entity';
import { MasteryEntity } from '../curriculum/mastery.entity';
import { SkillEntity } from '../curriculum/skill.entity';
import { PointLedgerEntryEntity } from '../gamification/point-ledger-entry.entity';
import { ActivityEventEntity } from '../practice/activity-event.entity';
import { AttemptEntity } from '../practice/attempt.entity';
import { ExerciseEntity } from '../practice/exercise.entity';
import { AccountsCurriculumPractice1763870000000 } from './migrations/1763870000000-accounts-curriculum-practice';
import { Classrooms1763870100000 } from './migrations/1763870100000-classrooms';

export const ENTITIES = [
  UserEntity,
  SkillEntity,
  MasteryEntity,
  ExerciseEntity,
  AttemptEntity,
  ActivityEventEntity,
  PointLedgerEntryEntity,
  ClassroomEntity,
  ClassroomMemberEntity,
];

/** Listed explicitly (not globbed) so the compiled ESM build and the tests run exactly the same migrations. */
export const MIGRATIONS = [AccountsCurriculumPractice1763870000000, Classrooms1763870100000];

export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize ?? 20,
    applicationName: 'peerlift',
  });
}
