/**
 * Masking of contact details in chat messages, and the same detection for sign-up handles.
 *
 * DESIGN.md §4 Tutoring sessions: contact details (emails, phone numbers, links) are masked in chats
 * involving minors, so a conversation cannot move off the platform where it is no longer moderated. The
 * rules are heuristics tuned for a maths chat: they hide phone numbers but leave arithmetic alone, so
 * "3 + 4 = 7", "12 x 12 = 144", "1/2 + 3/4" and "3.14159265" pass untouched. They do not catch spelled-out
 * digits ("five five five …") or text split over several messages; transcripts are kept for moderation.
 * Known false positives, accepted because hiding too much is cheaper than leaking: seven or more digits
 * with no operator next to them ("1 000 000", "is it 1234567?"), and a platform name followed by any word
 * ("discord tomorrow").
 */

/** What replaces each masked detail. */
export const CONTACT_MASK = '[hidden]';

type ContactDetailKind = 'EMAIL' | 'URL' | 'SOCIAL_HANDLE' | 'PHONE';

interface MaskRule {
  kind: ContactDetailKind;
  pattern: RegExp;
  /** Whether a match really is a contact detail (default: always). */
  accept?: (match: string, before: string, after: string) => boolean;
}

/** Top-level domains seen in links children share; "so", "is", "at"… are left out to spare ordinary text. */
const TLDS =
  'com|net|org|edu|gov|info|biz|io|co|gg|me|ly|tv|to|app|dev|xyz|link|site|online|live|' +
  'chat|club|fun|store|shop|page|tk|ml|ga|uk|us|ca|au|nz|ie|de|fr|es|nl|be|ch|se|pl|ru|' +
  'br|mx|in|jp|cn|kr|za|ng|ke|ph|id|vn';

/** Apps whose user names children swap; a bare mention followed by a name is masked with the name. */
const PLATFORMS =
  'snap(?:chat)?|insta(?:gram)?|discord|tik ?tok|telegram|whats ?app|kik|twitter|' +
  'facebook|fb|skype|roblox|twitch|youtube|reddit|we ?chat|threads|messenger';
/** Short platform names that are also ordinary words or slang: only with an explicit colon ("ig: name"). */
const SHORT_PLATFORMS = 'sc|ig|tg|wa|yt|dc|tt';

/** A user name: letters, digits, "_" and inner dots, with at least one letter or "_"; Discord's "#1234". */
const NAME = String.raw`(?=[\p{L}\p{N}_.]*[\p{L}_])[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?`;
const HANDLE = String.raw`@?${NAME}(?:#\d{4})?`;
const AT_HANDLE = String.raw`@${NAME}`;
/** Filler between a platform name and the handle: "snap: x", "insta is x", "snap its x", "discord me @x". */
const FILLER = String.raw`(?:\s*(?:[:=\-–>]|\b(?:is|it'?s|it’s|me|at|on|id|name|handle|user(?:name)?)\b))*\s*`;

/** Digit groups joined by single phone separators: a space, dot or dash, or parentheses round a group. */
const PHONE_SEPARATOR = String.raw`(?:[ .\-\u00a0]|\)[ .\-]?|[ .\-]?\()`;
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.])(?:(?<![\p{N})]\s*)\+ ?|00)?\(?\d+(?:${PHONE_SEPARATOR}\d+)*\)?`,
  'gu',
);
/** Digits a phone number has at least (a local number without area code has 7). */
export const MIN_PHONE_DIGITS = 7;

const MATH_OPERATOR_BEFORE = /(?:[=+\-−–×·*/÷^<>≤≥≈]|\bx|\bmod)\s*$/u;
const MATH_OPERATOR_AFTER = /^\s*(?:[=+\-−–×·*/÷^<>≤≥≈%]|x\b|mod\b)/u;
const DECIMAL_NUMBER = /^\d+[.,]\d+$/;
const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))$/;

/** Whether a run of digits and separators is a phone number rather than arithmetic, a decimal or a date. */
function isPhoneNumber(match: string, before: string, after: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (digits < MIN_PHONE_DIGITS) return false;
  if (/^(?:\+|00)/.test(match)) return true;
  if (DECIMAL_NUMBER.test(match) || DATE.test(match)) return false;
  // A long number written as a term of a calculation ("= 1234567", "1234567 × 3") is maths.
  return !(MATH_OPERATOR_BEFORE.test(before) || MATH_OPERATOR_AFTER.test(after));
}

const DOMAIN = String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(?:${TLDS})`;

/** An email's local part, only from the start of a run of such characters (keeps matching linear). */
const LOCAL_PART = String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+`;

/** Applied in order; each sees the text left by the ones before, so a detail is counted once. */
const RULES: readonly MaskRule[] = [
  {
    kind: 'EMAIL',
    pattern: new RegExp(
      [
        String.raw`${LOCAL_PART}(?:@|\s*[(\[{]\s*at\s*[)\]}]\s*)[\p{L}\p{N}\-]+(?:(?:\.|\s*[(\[{]\s*dot\s*[)\]}]\s*)[\p{L}\p{N}\-]+)+`,
        // "name at gmail dot com": only with a known top-level domain, so "look at this dot product" is spared.
        String.raw`${LOCAL_PART}\s+at\s+[\p{L}\p{N}\-]+\s+dot\s+(?:${TLDS})\b`,
      ].join('|'),
      'giu',
    ),
  },
  {
    kind: 'URL',
    pattern: new RegExp(
      String.raw`\b(?:https?://|www\.)\S+|(?<![\p{L}\p{N}_@.\-])${DOMAIN}\b(?:[/:?#]\S*)?`,
      'giu',
    ),
  },
  {
    kind: 'SOCIAL_HANDLE',
    pattern: new RegExp(
      String.raw`\b(?:${PLATFORMS})(?:['’]s)?\b${FILLER}(?:${HANDLE})|\b(?:${SHORT_PLATFORMS})\s*:\s*${HANDLE}`,
      'giu',
    ),
  },
  {
    kind: 'SOCIAL_HANDLE',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])[\p{L}\p{N}_.]{2,32}#\d{4}\b`, 'gu'),
  },
  { kind: 'SOCIAL_HANDLE', pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_@])${AT_HANDLE}`, 'gu') },
  { kind: 'PHONE', pattern: PHONE, accept: isPhoneNumber },
];

export interface MaskedText {
  /** The text with each contact detail replaced by {@link CONTACT_MASK}. */
  text: string;
  /** How many details were replaced. */
  masked: number;
}

/** How far either side of a match `accept` looks (characters); bounded so long texts stay linear. */
const CONTEXT_CHARS = 16;

/** Replaces emails, links, social handles and phone numbers in `text` with {@link CONTACT_MASK}. */
export function maskContactDetails(text: string): MaskedText {
  let masked = 0;
  let current = text;
  for (const rule of RULES) {
    current = current.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      // replace() passes (match, ...groups, offset, whole string); our patterns have no capture groups.
      const offset = rest[rest.length - 2] as number;
      const whole = rest[rest.length - 1] as string;
      const before = whole.slice(Math.max(0, offset - CONTEXT_CHARS), offset);
      const after = whole.slice(offset + match.length, offset + match.length + CONTEXT_CHARS);
      if (rule.accept && !rule.accept(match, before, after)) return match;
      masked += 1;
      return CONTACT_MASK;
    });
  }
  return { text: current, masked };
}

/**
 * Whether a would-be handle looks like an email, phone number, link or social handle, so sign-up can refuse
 * it (a handle is public and must not carry a way to reach the person). Stricter than chat masking: any
 * seven digits anywhere in the handle count as a phone number ("gamer5551234567").
 */
export function looksLikeContactDetails(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= MIN_PHONE_DIGITS || maskContactDetails(text).masked > 0;
}
