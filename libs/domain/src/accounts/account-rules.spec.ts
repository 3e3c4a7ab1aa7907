import {
  handleProblem,
  isKnownCountry,
  isKnownLanguage,
  isPlausibleBirthYear,
  passwordProblem,
} from './account-rules';

describe('handleProblem', () => {
  it.each([
    ['ada', null],
    ['Ada_Lovelace_1815', null],
    ['x9_y', null],
    ['ab', 'LENGTH'],
    ['a'.repeat(25), 'LENGTH'],
    ['ada@example.com', 'CHARACTERS'],
    ['www.example.com', 'CHARACTERS'],
    ['http://x.io', 'CHARACTERS'],
    ['_ada', 'CHARACTERS'],
    ['1ada', 'CHARACTERS'],
    ['ada lovelace', 'CHARACTERS'],
    ['ada5551234', 'LOOKS_LIKE_CONTACT'],
    ['call_0211234567', 'LOOKS_LIKE_CONTACT'],
    ['adagmail', 'LOOKS_LIKE_CONTACT'],
    ['snapchat_ada', 'LOOKS_LIKE_CONTACT'],
    ['ada2012', null],
  ])('%s → %s', (handle, expected) => {
    expect(handleProblem(handle)).toBe(expected);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['correct horse battery', 'ada', null],
    ['short', 'ada', 'TOO_SHORT'],
    ['x'.repeat(129), 'ada', 'TOO_LONG'],
    ['aaaaabbbbbaaaa', 'ada', 'TOO_SIMPLE'],
    ['my-Lovelace-secret', 'lovelace', 'CONTAINS_HANDLE'],
    ['Password2024!', 'ada', 'COMMON'],
    ['qwertyuiop!', 'ada', 'COMMON'],
  ])('%s (handle %s) → %s', (password, handle, expected) => {
    expect(passwordProblem(password, handle)).toBe(expected);
  });
});

describe('country, language and birth year', () => {
  it.each([
    ['NZ', true],
    ['US', true],
    ['ZZ', false],
    ['QQ', false],
    ['XA', false],
    ['nz', false],
    ['NZL', false],
  ])('country %s → %s', (code, ok) => expect(isKnownCountry(code)).toBe(ok));

  it.each([
    ['en', true],
    ['mi', true],
    ['zz', false],
    ['EN', false],
    ['eng', false],
  ])('language %s → %s', (code, ok) => expect(isKnownLanguage(code)).toBe(ok));

  const now = new Date('2026-11-23T00:00:00Z');
  it.each([
    [2021, true],
    [2022, false],
    [1906, true],
    [1905, false],
    [2015.5, false],
  ])('birth year %s → %s', (year, ok) => expect(isPlausibleBirthYear(year, now)).toBe(ok));
});
