/**
 * Sign-up rules. Handles are public (leaderboards, chats), so they must not carry contact details:
 * letters, digits and underscores only (no '@', '.', '/' or ':' — so no email, URL or domain), starting
 * with a letter, and no run of 5 or more digits (phone numbers, years of birth).
 */
export type HandleProblem = 'LENGTH' | 'CHARACTERS' | 'LOOKS_LIKE_CONTACT';

const HANDLE_CHARS = /^[A-Za-z][A-Za-z0-9_]*$/;
const DIGIT_RUN = /\d{5,}/;
const CONTACT_WORDS = /(gmail|hotmail|yahoo|outlook|icloud|whatsapp|snapchat|instagram|telegram|discord|wwwdot|dotcom|http)/i;

export function handleProblem(handle: string): HandleProblem | null {
  if (handle.length < 3 || handle.length > 24) return 'LENGTH';
  if (!HANDLE_CHARS.test(handle)) return 'CHARACTERS';
  if (DIGIT_RUN.test(handle) || CONTACT_WORDS.test(handle)) return 'LOOKS_LIKE_CONTACT';
  return null;
}

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_SIMPLE' | 'CONTAINS_HANDLE' | 'COMMON';

/** A short list of the most common passwords and patterns (NCSC/SecLists top entries), lower-cased. */
const COMMON = [
  'password', '123456', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'football', 'monkey', 'dragon',
  'abc123', 'sunshine', 'princess', 'baseball', 'superman', 'trustno1', 'passw0rd', 'starwars', 'peerlift',
];

/**
 * NIST SP 800-63B style: length matters most (at least 10, at most 128), no composition rules, but refuse
 * passwords built on a common password, on the handle, or with fewer than 5 distinct characters.
 */
export function passwordProblem(password: string, handle: string): PasswordProblem | null {
  if (password.length < 10) return 'TOO_SHORT';
  if (password.length > 128) return 'TOO_LONG';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return 'TOO_SIMPLE';
  if (handle.length >= 3 && lower.includes(handle.toLowerCase())) return 'CONTAINS_HANDLE';
  if (COMMON.some((c) => lower.includes(c))) return 'COMMON';
  return null;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** ISO 3166-1 alpha-2 region codes known to the runtime's CLDR data. */
export function isKnownCountry(code: string): boolean {
  // AA, QM–QZ, XA–XZ (but XK, Kosovo) and ZZ are user-assigned; CLDR names some of them ("Unknown Region"), so refuse them.
  if (!/^[A-Z]{2}$/.test(code) || /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/.test(code)) return false;
  return regionNames.of(code) !== undefined;
}

/** ISO 639-1 language codes known to the runtime's CLDR data. */
export function isKnownLanguage(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;
}

/** Birth year only; learners are at least 5 and at most 120 years old. */
export function isPlausibleBirthYear(birthYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  return Number.isInteger(birthYear) && birthYear <= year - 5 && birthYear >= year - 120;
}
