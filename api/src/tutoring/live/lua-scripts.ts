/** Every tutoring Lua script by the command name it is registered under (LuaRunner). */
import {
  ENQUEUE_REQUEST,
  CLAIM_OFFER,
  RELEASE_OFFER,
  ACCEPT_OFFER,
  ACCEPT_OFFER_BY_ID,
  UNDO_ACCEPT,
  RESTORE_REQUEST,
  RESTORE_TUTOR,
  FREE_TUTOR_AFTER_SESSION,
  CLOSE_REQUEST,
  DUE_DEADLINES,
  WAITING_SKILLS,
  TICK_SNAPSHOT,
  TICK_START,
} from './claim-scripts';
import {
  HEARTBEAT,
  HEARTBEAT_MANY,
  SET_AVAILABLE,
  SET_UNAVAILABLE,
  SWEEP_SILENT_TUTORS,
} from './presence-scripts';

export const LUA_SCRIPTS = {
  tutoringEnqueue: ENQUEUE_REQUEST,
  tutoringClaim: CLAIM_OFFER,
  tutoringRelease: RELEASE_OFFER,
  tutoringAccept: ACCEPT_OFFER,
  tutoringAcceptById: ACCEPT_OFFER_BY_ID,
  tutoringUndoAccept: UNDO_ACCEPT,
  tutoringRestoreRequest: RESTORE_REQUEST,
  tutoringRestoreTutor: RESTORE_TUTOR,
  tutoringFreeAfterSession: FREE_TUTOR_AFTER_SESSION,
  tutoringCloseRequest: CLOSE_REQUEST,
  tutoringSetAvailable: SET_AVAILABLE,
  tutoringSetUnavailable: SET_UNAVAILABLE,
  tutoringHeartbeat: HEARTBEAT,
  tutoringHeartbeatMany: HEARTBEAT_MANY,
  tutoringSweepSilent: SWEEP_SILENT_TUTORS,
  tutoringDueDeadlines: DUE_DEADLINES,
  tutoringWaitingSkills: WAITING_SKILLS,
  tutoringTickSnapshot: TICK_SNAPSHOT,
  tutoringTickStart: TICK_START,
} as const;
export type LuaScriptName = keyof typeof LUA_SCRIPTS;
