// People the browser tests arrange through the api directly (a student practising while a coach watches
// in the browser), and the expected answers only a test may read from the database.
import { formatExpectedAnswer, type ExpectedAnswer } from '@peerlift/domain';
import { graphqlRequest, signUpInput, type SignUpInputShape } from '@peerlift/testing';
import { randomUUID } from 'node:crypto';
import type { AppStack } from './app-stack';

export interface Actor {
  id: string;
  handle: string;
  token: string;
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function signUpActor(stack: AppStack, overrides: Partial<SignUpInputShape> = {}): Promise<Actor & { password: string }> {
  const input = signUpInput(overrides);
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await graphqlRequest<T>(`${stack.url}/graphql`, { query, variables, token });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const { signUp } = await gql<{ signUp: { token: string; user: { id: string } } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }',
    { input },
  );
  return {
    id: signUp.user.id,
    handle: input.handle,
    password: input.password,
    token: signUp.token,
    gql: (query, variables) => gql(query, variables, signUp.token),
  };
}

/** The text the checker accepts for an exercise (tests only: the client never sees it before answering). */
export async function expectedAnswerText(stack: AppStack, exerciseId: string): Promise<string> {
  const { rows } = await stack.sql.query<{ expected: ExpectedAnswer }>('SELECT expected FROM exercises WHERE id = $1', [exerciseId]);
  if (!rows[0]) throw new Error(`No exercise ${exerciseId}`);
  return formatExpectedAnswer(rows[0].expected);
}

/** The learner's open exercise in a skill, as the practice page shows it. */
export async function openExercise(stack: AppStack, handle: string, skillSlug: string): Promise<{ id: string; prompt: string } | null> {
  const { rows } = await stack.sql.query<{ id: string; prompt: string }>(
    `SELECT e.id, e.prompt FROM exercises e JOIN users u ON u.id = e.user_id
      WHERE lower(u.handle) = lower($1) AND e.skill_slug = $2 AND e.answered_at IS NULL`,
    [handle, skillSlug],
  );
  return rows[0] ?? null;
}

/** Answers one exercise correctly through the api, as the actor. */
export async function answerCorrectly(stack: AppStack, actor: Actor, skillSlug: string): Promise<{ level: string; status: string }> {
  const { nextExercise } = await actor.gql<{ nextExercise: { id: string } }>(
    'query($s: String!) { nextExercise(skillSlug: $s) { id } }',
    { s: skillSlug },
  );
  const answer = await expectedAnswerText(stack, nextExercise.id);
  const { submitAnswer } = await actor.gql<{ submitAnswer: { level: string; status: string; correct: boolean } }>(
    'mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) { correct level status } }',
    { input: { exerciseId: nextExercise.id, answer, idempotencyKey: randomUUID() } },
  );
  if (!submitAnswer.correct) throw new Error(`The expected answer ${answer} was marked wrong`);
  return submitAnswer;
}

/** Makes an actor PROFICIENT in a skill through the api (the default 10 in a row, or more if an experiment says). */
export async function makeProficient(stack: AppStack, actor: Actor, skillSlug: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const { level } = await answerCorrectly(stack, actor, skillSlug);
    if (level === 'PROFICIENT' || level === 'MASTERED') return;
  }
  throw new Error(`${actor.handle} did not become proficient in ${skillSlug}`);
}
