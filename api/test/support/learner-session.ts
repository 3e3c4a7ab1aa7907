import { formatExpectedAnswer, type ExpectedAnswer } from '@peerlift/domain';
import { signUpInput, type SignUpInputShape } from '@peerlift/testing';
import { randomUUID } from 'node:crypto';
import type { TestApi } from './test-api';

export const NEXT_EXERCISE = `query($s: String!) { nextExercise(skillSlug: $s) { id skillSlug prompt } }`;
export const SUBMIT_ANSWER = `mutation($input: SubmitAnswerInput!) {
  submitAnswer(input: $input) {
    correct expectedAnswer streak streakToProficient level status pointsAwarded totalPoints feedback wasReview
    unlockedSkills { slug title }
  }
}`;

export interface AnswerResult {
  correct: boolean;
  expectedAnswer: string | null;
  streak: number;
  streakToProficient: number;
  level: string;
  status: string;
  pointsAwarded: number;
  totalPoints: number;
  feedback: string;
  wasReview: boolean;
  unlockedSkills: { slug: string; title: string }[];
}

/** A signed-up learner driving the real API, as a browser would. */
export class LearnerSession {
  private constructor(
    private readonly api: TestApi,
    readonly token: string,
    readonly userId: string,
    readonly handle: string,
  ) {}

  static async signUp(api: TestApi, overrides: Partial<SignUpInputShape> = {}): Promise<LearnerSession> {
    const input = signUpInput(overrides);
    const res = await api.gql<{ signUp: { token: string; user: { id: string } } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`,
      { input },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return new LearnerSession(api, res.data.signUp.token, res.data.signUp.user.id, input.handle);
  }

  gql<T>(query: string, variables?: Record<string, unknown>) {
    return this.api.gql<T>(query, variables, this.token);
  }

  async nextExercise(slug: string): Promise<{ id: string; prompt: string }> {
    const res = await this.gql<{ nextExercise: { id: string; prompt: string } }>(NEXT_EXERCISE, { s: slug });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.nextExercise;
  }

  /** Reads the expected answer from the database — only tests may do this. */
  async expectedAnswer(exerciseId: string): Promise<string> {
    const { rows } = await this.api.sql.query<{ expected: ExpectedAnswer }>(
      'SELECT expected FROM exercises WHERE id = $1',
      [exerciseId],
    );
    return formatExpectedAnswer(rows[0].expected);
  }

  submit(exerciseId: string, answer: string, idempotencyKey: string = randomUUID()) {
    return this.gql<{ submitAnswer: AnswerResult }>(SUBMIT_ANSWER, {
      input: { exerciseId, answer, idempotencyKey },
    });
  }

  /** Fetches the next exercise and answers it right (or wrong). */
  async answer(slug: string, correct: boolean): Promise<AnswerResult> {
    const ex = await this.nextExercise(slug);
    const expected = await this.expectedAnswer(ex.id);
    const res = await this.submit(ex.id, correct ? expected : `${expected}9`);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.submitAnswer;
  }
}
