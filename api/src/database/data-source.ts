import { DataSource } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ClassroomEntity, ClassroomMemberEntity } from '../classrooms/classroom.entity';
import { MasteryEntity } from '../curriculum/mastery.entity';
import { SkillEntity } from '../curriculum/skill.entity';
import { PointLedgerEntryEntity } from '../gamification/point-ledger-entry.entity';
import { ActivityEventEntity } from '../practice/activity-event.entity';
import { AttemptEntity } from '../practice/attempt.entity';
import { ExerciseEntity } from '../practice/exercise.entity';
import { LearnerProgressEntity } from '../streaks/learner-progress.entity';
import { UserBadgeEntity } from '../badges/user-badge.entity';
import { LeaderboardOutboxEntity } from '../leaderboards/leaderboard-outbox.entity';
import { LeagueCohortEntity } from '../leagues/league-cohort.entity';
import { LeagueMemberEntity } from '../leagues/league-member.entity';
import { Gamification1763870200000 } from './migrations/1763870200000-gamification';
import { AccountsCurriculumPractice1763870000000 } from './migrations/1763870000000-accounts-curriculum-practice';
import { Classrooms1763870100000 } from './migrations/1763870100000-classrooms';
import { Tutoring1763870300000 } from './migrations/1763870300000-tutoring';
import { Experiments1763870400000 } from './migrations/1763870400000-experiments';
import { ExerciseHistoryIndex1763870500000 } from './migrations/1763870500000-exercise-history-index';
import { ProgressVersion1763870600000 } from './migrations/1763870600000-progress-version';
import { TutoringFunctions1763870700000 } from './migrations/1763870700000-tutoring-functions';
import { DropHelpRequestsSkillTime1763870800000 } from './migrations/1763870800000-drop-help-requests-skill-time';
import { ExperimentEntity } from '../experiments/experiment.entity';
import { ExperimentPhaseEntity } from '../experiments/experiment-phase.entity';
import { ExperimentExposureEntity } from '../experiments/experiment-exposure.entity';
import { ExperimentResultSnapshotEntity } from '../experiments/experiment-result-snapshot.entity';
import { HelpRequestEntity } from '../tutoring/help-requests/help-request.entity';
import { TutoringOfferEntity } from '../tutoring/offers/tutoring-offer.entity';
import { TutoringSessionEntity } from '../tutoring/sessions/tutoring-session.entity';
import { SessionMessageEntity } from '../tutoring/sessions/session-message.entity';
import { SessionRatingEntity } from '../tutoring/sessions/session-rating.entity';
import { UserReportEntity } from '../tutoring/safety/user-report.entity';
import { UserBlockEntity } from '../tutoring/safety/user-block.entity';

export const ENTITIES = [
  UserEntity,
  SkillEntity,
  MasteryEntity,
  ExerciseEntity,
  AttemptEntity,
  ActivityEventEntity,
  PointLedgerEntryEntity,
  LearnerProgressEntity,
  UserBadgeEntity,
  LeaderboardOutboxEntity,
  LeagueCohortEntity,
  LeagueMemberEntity,
  HelpRequestEntity,
  TutoringOfferEntity,
  TutoringSessionEntity,
  SessionMessageEntity,
  SessionRatingEntity,
  UserReportEntity,
  UserBlockEntity,
  ClassroomEntity,
  ClassroomMemberEntity,
  ExperimentEntity,
  ExperimentPhaseEntity,
  ExperimentExposureEntity,
  ExperimentResultSnapshotEntity,
];

/** Listed explicitly (not globbed) so the compiled ESM build and the tests run exactly the same migrations. */
export const MIGRATIONS = [
  AccountsCurriculumPractice1763870000000,
  Classrooms1763870100000,
  Gamification1763870200000,
  Tutoring1763870300000,
  Experiments1763870400000,
  ExerciseHistoryIndex1763870500000,
  ProgressVersion1763870600000,
  TutoringFunctions1763870700000,
  DropHelpRequestsSkillTime1763870800000,
];

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
