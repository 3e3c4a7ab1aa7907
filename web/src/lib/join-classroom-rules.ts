// What a join code looks like. Pure.

/** Codes are 6 letters and digits; people type them with spaces or in lower case. */
export function normaliseJoinCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

export function joinCodeProblem(code: string): string | null {
  return /^[A-Z0-9]{6}$/.test(code) ? null : 'A join code has 6 letters and digits, like K7P2QX.';
}
