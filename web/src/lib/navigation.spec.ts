import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterLogin, homeFor, isCurrent, loginHref, navItemsFor, safeNextPath, withNext } from './navigation';

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
  it('shows learners their pages', () =>
    assert.deepEqual(navItemsFor('LEARNER').map((i) => i.href), ['/learn', '/leaderboard', '/league', '/tutor', '/profile']));
  it('shows coaches their classes only', () => assert.deepEqual(navItemsFor('COACH').map((i) => i.href), ['/coach']));
  it('shows experimenters the experiments', () => assert.deepEqual(navItemsFor('EXPERIMENTER').map((i) => i.href), ['/experiments']));
  it('shows nothing before the role is known', () => assert.deepEqual(navItemsFor(undefined), []));
  it('marks a parent section current', () => {
    assert.equal(isCurrent('/learn', '/learn/add'), true);
    assert.equal(isCurrent('/learn', '/learning'), false);
  });
});

describe('where people land', () => {
  it('sends each role home', () => {
    assert.equal(homeFor('LEARNER'), '/learn');
    assert.equal(homeFor('COACH'), '/coach');
    assert.equal(homeFor('EXPERIMENTER'), '/experiments');
  });
  it('prefers the page asked for', () => assert.equal(afterLogin('/learn/add-within-10', 'COACH'), '/learn/add-within-10'));
  it('ignores an unsafe next and goes home', () => assert.equal(afterLogin('//evil.example', 'COACH'), '/coach'));
  it('goes home without next', () => assert.equal(afterLogin(null, 'EXPERIMENTER'), '/experiments'));
});
