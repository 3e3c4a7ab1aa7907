import { operation } from './client';
import type { MasteryLevel, MasteryStatus, SkillRef } from './skills';

export interface Exercise {
  id: string;
  skillSlug: string;
  prompt: string;
}

export interface SubmitAnswerInput {
  exerciseId: string;
  answer: string;
  /** A fresh UUID per submission; a retry of the same submission reuses it so it never pays twice. */
  idempotencyKey: string;
}

export interface AnswerResult {
  correct: boolean;
  /** Only present after a wrong answer. */
  expectedAnswer: string | null;
  streak: number;
  streakToProficient: number;
  level: MasteryLevel;
  status: MasteryStatus;
  pointsAwarded: number;
  totalPoints: number;
  feedback: string;
  unlockedSkills: SkillRef[];
}

export type ActivityKind = 'LESSON_VIEWED' | 'VIDEO_PLAY' | 'VIDEO_PAUSE' | 'VIDEO_SEEK';

export interface RecordActivityInput {
  kind: ActivityKind;
  skillSlug: string;
  positionSeconds?: number;
}

export const NEXT_EXERCISE = operation<{ nextExercise: Exercise }, { skillSlug: string }>(`
  query NextExercise($skillSlug: String!) {
    nextExercise(skillSlug: $skillSlug) { id skillSlug prompt }
  }
`);

export const SUBMIT_ANSWER = operation<{ submitAnswer: AnswerResult }, { input: SubmitAnswerInput }>(`
  mutation SubmitAnswer($input: SubmitAnswerInput!) {
    submitAnswer(input: $input) {
      correct expectedAnswer streak streakToProficient level status
      pointsAwarded totalPoints feedback
      unlockedSkills { slug title }
    }
  }
`);

export const RECORD_ACTIVITY = operation<{ recordActivity: boolean }, { input: RecordActivityInput }>(`
  mutation RecordActivity($input: RecordActivityInput!) {
    recordActivity(input: $input)
  }
`);
