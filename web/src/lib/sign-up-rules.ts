// What the sign-up form checks before sending. The server has the final word (HANDLE_TAKEN,
// WEAK_PASSWORD, BAD_USER_INPUT); these checks only save a round trip for the obvious slips.
import type { SignUpRole } from './graphql/auth';
import { birthYearRange } from './locale-options';

export type SignUpField = 'handle' | 'password' | 'birthYear' | 'country' | 'languages' | 'timeZone';

export interface SignUpValues {
  handle: string;
  password: string;
  birthYear: number | null;
  country: string;
  languages: string[];
  timeZone: string;
  role: SignUpRole;
}

export interface FormProblem<TField extends string> {
  message: string;
  /** The field to mark invalid and move focus to, when the problem belongs to one. */
  field?: TField;
}

export function checkSignUp(values: SignUpValues, currentYear: number): FormProblem<SignUpField> | null {
  const { min, max } = birthYearRange(currentYear);
  if (!values.handle.trim()) return { field: 'handle', message: 'Choose a handle (a nickname, not your real name).' };
  if (!values.password) return { field: 'password', message: 'Choose a password.' };
  if (values.birthYear === null || !Number.isInteger(values.birthYear)) {
    return { field: 'birthYear', message: 'Enter the year you were born, like 2012.' };
  }
  if (values.birthYear < min || values.birthYear > max) {
    return { field: 'birthYear', message: `Birth year must be between ${min} and ${max}.` };
  }
  if (!values.country) return { field: 'country', message: 'Choose your country.' };
  if (values.languages.length === 0) return { field: 'languages', message: 'Add at least one language you speak.' };
  if (!values.timeZone) return { field: 'timeZone', message: 'Choose your time zone.' };
  return null;
}

/** Which field a server error belongs to, by its extensions.code. */
export function signUpFieldForCode(code: string | undefined): SignUpField | undefined {
  if (code === 'HANDLE_TAKEN') return 'handle';
  if (code === 'WEAK_PASSWORD') return 'password';
  return undefined;
}
