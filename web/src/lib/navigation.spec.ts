import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCurrent, loginHref, navItemsFor, safeNextPath, withNext } from './navigation';

describe('safeNextPath', () => {
  const cases: Array<[string | null, string]> = [
    [null, '/learn'],
    ['', '/learn'],
    ['/learn/add-within-10', '/learn/add-within-10'],
    ['/learn?x=1', '/learn?x=1'],
    ['https://evil.example', '/learn'],
    ['//evil.example', '/learn'],
    ['/\\evil.example', '/learn'],
    ['learn', '/learn'],
  ];
  for (const [next, expected] of cases) {
    it(`sends ${JSON.stringify(next)} to ${expected}`, () => assert.equal(safeNextPath(next), expected));
  }
});

describe('loginHref', () => {
  it('remembers the page to come back to', () => {
    assert.equal(loginHref(new URL('http://x/learn/fractions?a=1')), '/login?next=%2Flearn%2Ffractions%3Fa%3D1');
  });
  it('adds nothing for the landing page', () => assert.equal(loginHref(new URL('http://x/')), '/login'));
});

describe('withNext', () => {
  it('carries next across', () => assert.equal(withNext('/signup', '/learn/a'), '/signup?next=%2Flearn%2Fa'));
  it('omits an empty next', () => assert.equal(withNext('/login', null), '/login'));
});

describe('navigation', () => {
  it('shows learners the Learn page', () => assert.deepEqual(navItemsFor('LEARNER').map((i) => i.href), ['/learn']));
  it('marks a parent section current', () => {
    assert.equal(isCurrent('/learn', '/learn/add'), true);
    assert.equal(isCurrent('/learn', '/learning'), false);
  });
});
