// State and submit logic for the log-in and sign-up forms; the routes only render them.
import { browser } from '$app/environment';
import { errorCode, errorMessage } from './graphql/client';
import { LOG_IN, SIGN_UP, type SignUpRole } from './graphql/auth';
import { session } from './session.svelte';
import { checkSignUp, signUpFieldForCode, type FormProblem, type SignUpField } from './sign-up-rules';
import { defaultCountry, defaultLanguages, detectTimeZone } from './locale-options';

const preferredLanguages = (): readonly string[] => (browser ? navigator.languages : []);

export class LogInForm {
  handle = $state('');
  password = $state('');
  submitting = $state(false);
  problem = $state<FormProblem<'handle' | 'password'> | null>(null);

  /** Logs in; true when the session has started. */
  async submit(): Promise<boolean> {
    if (this.submitting) return false;
    if (!this.handle.trim()) return this.fail({ field: 'handle', message: 'Enter your handle.' });
    if (!this.password) return this.fail({ field: 'password', message: 'Enter your password.' });
    this.submitting = true;
    this.problem = null;
    try {
      const { logIn } = await session.request(LOG_IN, { input: { handle: this.handle.trim(), password: this.password } });
      session.start(logIn);
      return true;
    } catch (error) {
      return this.fail({ message: errorMessage(error) });
    } finally {
      this.submitting = false;
    }
  }

  private fail(problem: FormProblem<'handle' | 'password'>): false {
    this.problem = problem;
    return false;
  }
}

export class SignUpForm {
  handle = $state('');
  password = $state('');
  birthYear = $state<number | null>(null);
  country = $state(defaultCountry(preferredLanguages()));
  languages = $state<string[]>(defaultLanguages(preferredLanguages()));
  timeZone = $state(detectTimeZone());
  role = $state<SignUpRole>('LEARNER');
  submitting = $state(false);
  problem = $state<FormProblem<SignUpField> | null>(null);

  /** Signs up; true when the session has started. */
  async submit(currentYear = new Date().getFullYear()): Promise<boolean> {
    if (this.submitting) return false;
    const values = {
      handle: this.handle.trim(),
      password: this.password,
      birthYear: this.birthYear,
      country: this.country,
      languages: this.languages,
      timeZone: this.timeZone,
      role: this.role,
    };
    this.problem = checkSignUp(values, currentYear);
    if (this.problem || values.birthYear === null) return false;
    this.submitting = true;
    try {
      const { signUp } = await session.request(SIGN_UP, { input: { ...values, birthYear: values.birthYear } });
      session.start(signUp);
      return true;
    } catch (error) {
      this.problem = { message: errorMessage(error), field: signUpFieldForCode(errorCode(error)) };
      return false;
    } finally {
      this.submitting = false;
    }
  }
}
