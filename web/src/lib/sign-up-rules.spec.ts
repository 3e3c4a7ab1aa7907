import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSignUp, signUpFieldForCode, type SignUpValues } from './sign-up-rules';

const valid: SignUpValues = {
  handle: 'maths_fox',
  password: 'correct horse battery',
  birthYear: 2013,
  country: 'NZ',
  languages: ['en'],
  timeZone: 'Pacific/Auckland',
  role: 'LEARNER',
};

describe('checkSignUp', () => {
  it('accepts a complete form', () => assert.equal(checkSignUp(valid, 2025), null));
  const cases: Array<[string, Partial<SignUpValues>, string]> = [
    ['a blank handle', { handle: '  ' }, 'handle'],
    ['no password', { password: '' }, 'password'],
    ['no birth year', { birthYear: null }, 'birthYear'],
    ['a birth year in the future', { birthYear: 2030 }, 'birthYear'],
    ['no country', { country: '' }, 'country'],
    ['no language', { languages: [] }, 'languages'],
  ];
  for (const [what, change, field] of cases) {
    it(`points at ${field} for ${what}`, () => assert.equal(checkSignUp({ ...valid, ...change }, 2025)?.field, field));
  }
});

describe('signUpFieldForCode', () => {
  it('maps taken handles and weak passwords to their fields', () => {
    assert.equal(signUpFieldForCode('HANDLE_TAKEN'), 'handle');
    assert.equal(signUpFieldForCode('WEAK_PASSWORD'), 'password');
    assert.equal(signUpFieldForCode('RATE_LIMITED'), undefined);
  });
});
