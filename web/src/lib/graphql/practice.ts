// Practice: exercises and answers. Operations and types are generated (generated.ts).
import type { NextExerciseQuery, SubmitAnswerMutation } from './generated';

export { NEXT_EXERCISE, RECORD_ACTIVITY, SUBMIT_ANSWER } from './generated';
export type { ActivityKind, RecordActivityInput, SubmitAnswerInput } from './generated';

export type Exercise = NextExerciseQuery['nextExercise'];
export type AnswerResult = SubmitAnswerMutation['submitAnswer'];
