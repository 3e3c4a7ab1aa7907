import { randomBytes } from 'node:crypto';

let counter = 0;

/** A handle no other test in any run will pick: letters, then a counter and random hex (never 5 digits). */
export function uniqueHandle(prefix = 'learner'): string {
  counter += 1;
  return `${prefix}_${counter.toString(36)}_${randomBytes(3)
    .toString('hex')
    .replace(/\d{4,}/g, 'x')}`.slice(0, 24);
}

export interface SignUpInputShape {
  handle: string;
  password: string;
  birthYear: number;
  country: string;
  languages: string[];
  timeZone: string;
  role?: 'LEARNER' | 'COACH';
}

/** A valid sign-up input; override any field. */
export function signUpInput(overrides: Partial<SignUpInputShape> = {}): SignUpInputShape {
  return {
    handle: uniqueHandle(),
    password: 'correct horse battery staple',
    birthYear: 2010,
    country: 'NZ',
    languages: ['en'],
    timeZone: 'Pacific/Auckland',
    ...overrides,
  };
}
