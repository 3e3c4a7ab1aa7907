import jwt from 'jsonwebtoken';
import { errorCode, signUpInput } from '@peerlift/testing';
import { startTestApi, type TestApi } from '../support/test-api';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id handle role } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token user { id handle } } }`;
const ME = `{ me { id handle role country languages timeZone totalPoints } }`;

describe('accounts', () => {
  let api: TestApi;
  const userCount = async () => Number((await api.sql.query('SELECT count(*) FROM users')).rows[0].count);

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_ATTEMPTS_PER_WINDOW: '3' });
  });
  afterAll(() => api.close());

  it('signs up, logs in and answers `me` with a bearer token', async () => {
    const input = signUpInput({ handle: 'Ada_Lovelace', languages: ['en', 'FR'], country: 'gb' });
    const up = await api.gql<{
      signUp: { token: string; user: { id: string; handle: string; role: string } };
    }>(SIGN_UP, { input });
    expect(up.errors).toBeUndefined();
    expect(up.data!.signUp.user).toMatchObject({ handle: 'Ada_Lovelace', role: 'LEARNER' });

    const login = await api.gql<{ logIn: { token: string; user: { id: string } } }>(LOG_IN, {
      input: { handle: 'ada_lovelace', password: input.password },
    });
    expect(login.data!.logIn.user.id).toBe(up.data!.signUp.user.id);

    const me = await api.gql<{ me: Record<string, unknown> }>(ME, {}, login.data!.logIn.token);
    expect(me.data!.me).toMatchObject({
      handle: 'Ada_Lovelace',
      country: 'GB',
      languages: ['en', 'fr'],
      totalPoints: 0,
    });
    const stored = await api.sql.query('SELECT password_hash FROM users WHERE id = $1', [
      up.data!.signUp.user.id,
    ]);
    expect(stored.rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('lets a coach sign up but never an admin or experimenter', async () => {
    const coach = await api.gql<{ signUp: { user: { role: string } } }>(SIGN_UP, {
      input: signUpInput({ role: 'COACH', birthYear: 1980 }),
    });
    expect(coach.data!.signUp.user.role).toBe('COACH');
    const before = await userCount();
    for (const role of ['ADMIN', 'EXPERIMENTER']) {
      const res = await api.gql(SIGN_UP, { input: { ...signUpInput(), role } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
    expect(await userCount()).toBe(before);
  });

  it.each([
    ['a handle taken in another case', (taken: string) => ({ handle: taken.toUpperCase() }), 'HANDLE_TAKEN'],
    ['a handle that is an email', () => ({ handle: 'ada@example.com' }), 'HANDLE_NOT_ALLOWED'],
    ['a handle with a phone number', () => ({ handle: 'ada0211234567' }), 'HANDLE_NOT_ALLOWED'],
    ['a handle that is a URL', () => ({ handle: 'www.example.com' }), 'HANDLE_NOT_ALLOWED'],
    ['a two-character handle', () => ({ handle: 'ab' }), 'BAD_USER_INPUT'],
    ['a short password', () => ({ password: 'short' }), 'WEAK_PASSWORD'],
    ['a common password', () => ({ password: 'password123456' }), 'WEAK_PASSWORD'],
    ['an unknown country', () => ({ country: 'ZZ' }), 'BAD_USER_INPUT'],
    ['an unknown time zone', () => ({ timeZone: 'Mars/Olympus' }), 'BAD_USER_INPUT'],
    ['a birth year in the future', () => ({ birthYear: 2030 }), 'BAD_USER_INPUT'],
    ['no languages', () => ({ languages: [] }), 'BAD_USER_INPUT'],
  ])('refuses %s and stores nothing', async (_name, override, code) => {
    const taken = signUpInput();
    await api.gql(SIGN_UP, { input: taken });
    const before = await userCount();
    const res = await api.gql(SIGN_UP, { input: { ...signUpInput(), ...override(taken.handle) } });
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0].message).toEqual(expect.any(String));
    expect(await userCount()).toBe(before);
  });

  it('rejects unknown input fields (no mass assignment) and wrong variable types', async () => {
    const before = await userCount();
    const extra = await api.gql(SIGN_UP, { input: { ...signUpInput(), totalPoints: 1000000 } });
    expect(errorCode(extra)).toBe('BAD_USER_INPUT');
    const wrongType = await api.gql(SIGN_UP, { input: { ...signUpInput(), birthYear: 'two thousand' } });
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
    const inline = await api.gql(`mutation { signUp(input: { handle: "x", role: ADMIN }) { token } }`);
    expect(errorCode(inline)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await userCount()).toBe(before);
  });

  describe('tokens', () => {
    let userId: string;
    beforeAll(async () => {
      const res = await api.gql<{ signUp: { user: { id: string } } }>(SIGN_UP, { input: signUpInput() });
      userId = res.data!.signUp.user.id;
    });
    const secret = () => api.config.JWT_SECRET;

    it.each([
      ['missing', () => undefined],
      ['garbage', () => 'not-a-token'],
      [
        'expired',
        () =>
          jwt.sign({ role: 'LEARNER' }, secret(), { subject: userId, issuer: 'peerlift', expiresIn: -10 }),
      ],
      [
        'signed with another secret',
        () => jwt.sign({ role: 'LEARNER' }, 'x'.repeat(40), { subject: userId, issuer: 'peerlift' }),
      ],
      [
        'alg none',
        () => jwt.sign({ role: 'ADMIN', sub: userId, iss: 'peerlift' }, '', { algorithm: 'none' }),
      ],
      [
        'HS512 instead of HS256',
        () =>
          jwt.sign({ role: 'LEARNER' }, secret(), {
            subject: userId,
            issuer: 'peerlift',
            algorithm: 'HS512',
          }),
      ],
      [
        'with an invented role',
        () => jwt.sign({ role: 'ROOT' }, secret(), { subject: userId, issuer: 'peerlift' }),
      ],
    ])('refuses a %s token with UNAUTHENTICATED', async (_name, token) => {
      const res = await api.gql(ME, {}, token());
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });

    it('accepts a valid token', async () => {
      const token = jwt.sign({ role: 'LEARNER' }, secret(), { subject: userId, issuer: 'peerlift' });
      const res = await api.gql<{ me: { id: string } }>(ME, {}, token);
      expect(res.data!.me.id).toBe(userId);
    });

    it('refuses a token it accepted before, once the token has expired', async () => {
      // The api remembers tokens it verified; the memory must end with the token's own expiry.
      const token = jwt.sign({ role: 'LEARNER' }, secret(), {
        subject: userId,
        issuer: 'peerlift',
        expiresIn: 2,
      });
      expect((await api.gql<{ me: { id: string } }>(ME, {}, token)).data?.me.id).toBe(userId);
      await new Promise((r) => setTimeout(r, 2100));
      expect(errorCode(await api.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    });
  });

  it('rate-limits failed log-ins per handle, even with the right password afterwards', async () => {
    const input = signUpInput();
    await api.gql(SIGN_UP, { input });
    for (let i = 0; i < 3; i++) {
      const res = await api.gql(LOG_IN, { input: { handle: input.handle, password: 'wrong password here' } });
      expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
    }
    const limited = await api.gql(LOG_IN, { input: { handle: input.handle, password: input.password } });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });

  it('answers an unknown handle exactly like a wrong password', async () => {
    const res = await api.gql(LOG_IN, { input: { handle: 'nobody_here', password: 'whatever it is' } });
    expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
    expect(res.errors![0].message).toBe('That handle and password do not match.');
  });
});
