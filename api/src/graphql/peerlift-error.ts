import { GraphQLError } from 'graphql';

/**
 * Stable `extensions.code` values. Clients switch on these; names never change once landed.
 * Apollo's own codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variable
 * coercion, PERSISTED_QUERY_*) pass through unchanged.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  SKILL_LOCKED: 'SKILL_LOCKED',
  ALREADY_ANSWERED: 'ALREADY_ANSWERED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  HANDLE_TAKEN: 'HANDLE_TAKEN',
  HANDLE_NOT_ALLOWED: 'HANDLE_NOT_ALLOWED',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  RATE_LIMITED: 'RATE_LIMITED',
  /** A write kept losing to concurrent writes of the same account; sending it again is safe. */
  TRY_AGAIN: 'TRY_AGAIN',
  /** Tutoring: the learner already has an open help request. */
  HELP_REQUEST_OPEN: 'HELP_REQUEST_OPEN',
  /** Tutoring: the offer expired, was withdrawn or taken, or is not yours. */
  OFFER_UNAVAILABLE: 'OFFER_UNAVAILABLE',
  /** Tutoring: the session has ended (no more messages; end is idempotent). */
  SESSION_NOT_LIVE: 'SESSION_NOT_LIVE',
  /** Tutoring: you are in a live tutoring session, so you cannot ask for help now. */
  IN_SESSION: 'IN_SESSION',
  ALREADY_RATED: 'ALREADY_RATED',
  /** Experiments: a running experiment's definition changed beyond its weights; stop it first. */
  EXPERIMENT_LOCKED: 'EXPERIMENT_LOCKED',
  /** Experiments: stopping an experiment that is not running. */
  EXPERIMENT_NOT_RUNNING: 'EXPERIMENT_NOT_RUNNING',
  /** Experiments: the change would make the payload invalid (e.g. two running experiments share a namespace slice). */
  EXPERIMENT_CONFLICT: 'EXPERIMENT_CONFLICT',
  /** A /graphql request whose body is not a JSON document (malformed, empty): refused before GraphQL. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A /graphql request body over the 64 KB limit: refused before it is parsed. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one error type services throw; formatError passes it through as is. */
export class PeerliftError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(details ?? {}) } });
  }
}

export const KNOWN_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
