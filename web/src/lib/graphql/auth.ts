// Accounts: the signed-in user as the app keeps it. Operations and types are generated (generated.ts).
import type { MeQuery, SignUpMutation } from './generated';

export { LOG_IN, ME, SIGN_UP } from './generated';
export type { LogInInput, Role, SignUpInput, SignUpRole } from './generated';

export type AuthPayload = SignUpMutation['signUp'];
/** The signed-in user: what log-in returns, plus the streak once `me` has answered. */
export type User = AuthPayload['user'] & Partial<Pick<MeQuery['me'], 'dailyStreak'>>;
