/**
 * The plain data matching works on: a waiting help request and a tutor who might take it. The worker loads
 * these from Postgres and Redis for one micro-batch; every function in this folder is pure over them.
 */
import type { MasteryLevel } from '../mastery/mastery-level';

/** A learner's open help request, as seen by one matching tick. */
export interface HelpRequestCandidate {
  requestId: string;
  learnerId: string;
  /** The skill the learner is stuck on. */
  skillId: string;
  /** When the request joined the line; its waiting time is `now − createdAt`. */
  createdAt: Date;
  /** Languages the learner reads and writes (BCP 47 tags such as "en", "pt-BR"), preferred first. */
  languages: readonly string[];
  learnerBirthYear: number;
  /** Users the learner has blocked. */
  blockedUserIds: readonly string[];
  /** Tutors who declined this request or let an offer for it time out; they are not asked again. */
  declinedTutorIds: readonly string[];
}

/** A tutor's standing in one skill. */
export interface TutorSkill {
  level: MasteryLevel;
  /** Bayesian Knowledge Tracing estimate P(known), 0–1. */
  pKnown: number;
}

/** A user who has gone "available" to tutor, as seen by one matching tick. */
export interface TutorCandidate {
  tutorId: string;
  /** Last presence heartbeat received from the tutor's client. */
  lastHeartbeatAt: Date;
  /** The tutor's standing per skill id; skills missing here are NOT_STARTED. */
  skills: Readonly<Record<string, TutorSkill>>;
  /** Languages the tutor reads and writes (BCP 47), preferred first. */
  languages: readonly string[];
  /** IANA time zone of the tutor, e.g. "Europe/Paris". */
  timeZone: string;
  birthYear: number;
  /** Passed adult-volunteer vetting. */
  vetted: boolean;
  /** A verified coach (teacher or parent). */
  verifiedCoach: boolean;
  /** Currently in a live tutoring session. */
  inLiveSession: boolean;
  /** Users the tutor has blocked. */
  blockedUserIds: readonly string[];
  /** When the tutor was sent offers; at least those of the last hour (older ones are ignored). */
  recentOfferTimes: readonly Date[];
  /** Sessions the tutor has had today (their own calendar day). */
  sessionsToday: number;
  /** Number of session ratings received. */
  ratingCount: number;
  /** Sum of the stars of those ratings (each 1–5). */
  ratingStarsTotal: number;
  /** Offers received, accepted and let time out, over the same window (lifetime or a recent one). */
  offers: { received: number; accepted: number; timedOut: number };
}
