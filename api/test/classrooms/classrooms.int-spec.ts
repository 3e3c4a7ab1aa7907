import { CURRICULUM } from '@peerlift/domain';
import { errorCode } from '@peerlift/testing';
import { collectEvents, wsClient } from '../support/graphql-ws-client';
import { LearnerSession } from '../support/learner-session';
import { startTestApi, type TestApi } from '../support/test-api';

const ROOT = CURRICULUM[0].slug;
const CREATE = `mutation($input: CreateClassroomInput!) { createClassroom(input: $input) { id name joinCode studentCount } }`;
const JOIN = `mutation($input: JoinClassroomInput!) { joinClassroom(input: $input) { id name joinCode studentCount } }`;
const GRID = `query($id: ID!) { classroom(id: $id) { id name students { id handle } skills { slug } cells { studentId skillSlug level status streak } } }`;
const UPDATES = `subscription($id: ID!) { classroomUpdates(id: $id) { classroomId studentId skillSlug } }`;

describe('classrooms', () => {
  let api: TestApi;
  let coach: LearnerSession;
  let room: { id: string; joinCode: string };

  beforeAll(async () => {
    api = await startTestApi();
    coach = await LearnerSession.signUp(api, { role: 'COACH', birthYear: 1984 });
    const res = await coach.gql<{ createClassroom: { id: string; joinCode: string } }>(CREATE, {
      input: { name: 'Room 9' },
    });
    room = res.data!.createClassroom;
  });
  afterAll(() => api.close());

  it('creates a classroom with a six-character join code for a coach only', async () => {
    expect(room.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const learner = await LearnerSession.signUp(api);
    expect(errorCode(await learner.gql(CREATE, { input: { name: 'Mine' } }))).toBe('FORBIDDEN');
    expect(errorCode(await coach.gql(CREATE, { input: { name: '' } }))).toBe('BAD_USER_INPUT');
  });

  it('lets learners join by code (case-insensitive, idempotent) and hides the code from them', async () => {
    const learner = await LearnerSession.signUp(api);
    const joined = await learner.gql<{ joinClassroom: { id: string; joinCode: string | null } }>(JOIN, {
      input: { code: room.joinCode.toLowerCase() },
    });
    expect(joined.data!.joinClassroom).toMatchObject({ id: room.id, joinCode: null });
    await learner.gql(JOIN, { input: { code: room.joinCode } });
    const members = await api.sql.query(
      'SELECT count(*)::int AS n FROM classroom_members WHERE user_id = $1',
      [learner.userId],
    );
    expect(members.rows[0].n).toBe(1);
    expect(errorCode(await learner.gql(JOIN, { input: { code: 'ZZZZZZ' } }))).toBe('NOT_FOUND');
    expect(errorCode(await learner.gql(JOIN, { input: { code: 'bad code!' } }))).toBe('BAD_USER_INPUT');
  });

  it('shows the coach a grid of students × skills, and nobody else', async () => {
    const learner = await LearnerSession.signUp(api);
    await learner.gql(JOIN, { input: { code: room.joinCode } });
    await learner.answer(ROOT, true);
    const grid = await coach.gql<{
      classroom: {
        students: { id: string }[];
        skills: unknown[];
        cells: { studentId: string; skillSlug: string; status: string }[];
      };
    }>(GRID, { id: room.id });
    expect(grid.data!.classroom.skills).toHaveLength(CURRICULUM.length);
    expect(grid.data!.classroom.students.map((s) => s.id)).toContain(learner.userId);
    expect(grid.data!.classroom.cells).toContainEqual(
      expect.objectContaining({ studentId: learner.userId, skillSlug: ROOT, status: 'WORKING' }),
    );

    const otherCoach = await LearnerSession.signUp(api, { role: 'COACH', birthYear: 1980 });
    expect(errorCode(await otherCoach.gql(GRID, { id: room.id }))).toBe('NOT_FOUND');
    expect(errorCode(await learner.gql(GRID, { id: room.id }))).toBe('FORBIDDEN');
  });

  it('logs a student’s lessons, videos and answers with time spent for the coach', async () => {
    const learner = await LearnerSession.signUp(api);
    await learner.gql(JOIN, { input: { code: room.joinCode } });
    await learner.gql(`mutation { recordActivity(input: { kind: LESSON_VIEWED, skillSlug: "${ROOT}" }) }`);
    await learner.answer(ROOT, true);
    await learner.answer(ROOT, false);
    const res = await coach.gql<{
      studentActivity: {
        entries: { kind: string; correct: boolean | null }[];
        correctAnswers: number;
        wrongAnswers: number;
        timeSpentSeconds: number;
      };
    }>(
      `query($c: ID!, $s: ID!) { studentActivity(classroomId: $c, studentId: $s) { entries { kind correct skillSlug at } correctAnswers wrongAnswers timeSpentSeconds } }`,
      { c: room.id, s: learner.userId },
    );
    const activity = res.data!.studentActivity;
    expect(activity).toMatchObject({ correctAnswers: 1, wrongAnswers: 1 });
    expect(activity.entries.map((e) => e.kind)).toEqual(['ANSWER', 'ANSWER', 'LESSON_VIEWED']);
    const stranger = await LearnerSession.signUp(api);
    const refused = await coach.gql(
      `query($c: ID!, $s: ID!) { studentActivity(classroomId: $c, studentId: $s) { correctAnswers } }`,
      { c: room.id, s: stranger.userId },
    );
    expect(errorCode(refused)).toBe('NOT_FOUND');
  });

  it('suggests in-class tutors for students still working on a skill', async () => {
    const strong = await LearnerSession.signUp(api);
    const working = await LearnerSession.signUp(api);
    const own = await coach.gql<{ createClassroom: { id: string; joinCode: string } }>(CREATE, {
      input: { name: 'Pairs' },
    });
    for (const s of [strong, working])
      await s.gql(JOIN, { input: { code: own.data!.createClassroom.joinCode } });
    for (let i = 0; i < 10; i++) await strong.answer(ROOT, true);
    await working.answer(ROOT, false);
    const res = await coach.gql<{
      tutorSuggestions: { skill: { slug: string }; tutor: { id: string }; learner: { id: string } }[];
    }>(
      `query($id: ID!) { tutorSuggestions(id: $id) { skill { slug } tutor { id handle } learner { id handle } } }`,
      { id: own.data!.createClassroom.id },
    );
    expect(res.data!.tutorSuggestions).toEqual([
      {
        skill: { slug: ROOT },
        tutor: expect.objectContaining({ id: strong.userId }),
        learner: expect.objectContaining({ id: working.userId }),
      },
    ]);
  });

  it('pushes a live update to the coach when a student answers, and refuses other subscribers', async () => {
    const learner = await LearnerSession.signUp(api);
    await learner.gql(JOIN, { input: { code: room.joinCode } });
    const client = wsClient(api.url, coach.token);
    try {
      const { subscribed, done } = collectEvents<{ classroomUpdates: Record<string, string> }>(
        client,
        UPDATES,
        { id: room.id },
      );
      await subscribed;
      await learner.answer(ROOT, true);
      expect(await done).toEqual([
        { classroomUpdates: { classroomId: room.id, studentId: learner.userId, skillSlug: ROOT } },
      ]);
    } finally {
      await client.dispose();
    }
    const intruder = wsClient(api.url, learner.token);
    try {
      await expect(collectEvents(intruder, UPDATES, { id: room.id }).done).rejects.toThrow(/FORBIDDEN/);
    } finally {
      await intruder.dispose();
    }
  });
});
