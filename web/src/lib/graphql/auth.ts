import { operation } from './client';

export type Role = 'LEARNER' | 'COACH';

export interface User {
  id: string;
  handle: string;
  role: Role;
  totalPoints: number;
}

export interface AuthPayload {
  token: string;
  user: User;
}

export interface SignUpInput {
  handle: string;
  password: string;
  birthYear: number;
  /** ISO 3166-1 alpha-2, e.g. "NZ". */
  country: string;
  /** ISO 639-1 codes, e.g. ["en", "mi"]. */
  languages: string[];
  /** IANA zone, e.g. "Pacific/Auckland". */
  timeZone: string;
  role?: Role;
}

export interface LogInInput {
  handle: string;
  password: string;
}

const USER_FIELDS = 'id handle role totalPoints';

export const SIGN_UP = operation<{ signUp: AuthPayload }, { input: SignUpInput }>(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token user { ${USER_FIELDS} } }
  }
`);

export const LOG_IN = operation<{ logIn: AuthPayload }, { input: LogInInput }>(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { token user { ${USER_FIELDS} } }
  }
`);

export const ME = operation<{ me: User | null }>(`
  query Me {
    me { ${USER_FIELDS} }
  }
`);
