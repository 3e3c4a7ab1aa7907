// A learner in a real browser against the app started the way `npm start` starts it: signs up, practises
// the first skill to proficiency (answers read from the database, one deliberately wrong), sees points, a
// badge and the skills it unlocks, then finds them on the profile, leaderboard and league pages.
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { answerCorrectly, expectedAnswerText, openExercise, signUpActor } from './support/api-actor';
import { startAppStack, type AppStack } from './support/app-stack';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, seriousA11yViolations, type TestPage } from './support/browser';
import { buildOnce } from './support/build-once';
import { firstLoadJs, writeArtifact } from './support/bundle-size';
import { failOnConsoleErrors } from './support/failures';

// Each step waits on a real browser and real servers; Playwright's own 15 s limit fails a missing element first.
jest.setTimeout(90_000);

const SKILL = 'add-within-10';
const JS_BUDGET_GZIP = 200 * 1024;

describe('a learner in the browser', () => {
  let stack: AppStack;
  let browser: Browser;
  let learner: TestPage;
  const handle = `lea_${Date.now().toString(36)}`;

  beforeAll(async () => {
    await buildOnce();
    [stack, browser] = await Promise.all([startAppStack(), launchBrowser()]);
    learner = await openPage(browser, stack.url, DESKTOP);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => failOnConsoleErrors(learner, stack));

  it('keeps the first page within 200 KB of gzipped JavaScript', async () => {
    const landing = await firstLoadJs(browser, `${stack.url}/`);
    writeArtifact('web-first-load.json', { page: '/', budgetBytes: JS_BUDGET_GZIP, ...landing });
    expect(landing.files).toBeGreaterThan(0);
    expect(landing.gzipBytes).toBeLessThanOrEqual(JS_BUDGET_GZIP);
  });

  it('shows an accessible landing page at desktop and phone width', async () => {
    const { page } = learner;
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'landing-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const phone = await openPage(browser, stack.url, PHONE);
    await phone.page.goto('/');
    await phone.page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(phone.page, 'landing-phone');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('signs up and lands on the knowledge map', async () => {
    const { page } = learner;
    await page.getByRole('link', { name: /Sign up/ }).first().click();
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill('a long practice sentence 2026');
    await page.getByLabel('Birth year').fill('2011');
    await screenshot(page, 'signup');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL('**/learn');
    await page.getByRole('heading', { name: 'Your skills' }).waitFor();
    await page.getByRole('link', { name: 'Add within 10' }).waitFor();
    await screenshot(page, 'knowledge-map');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('practises to proficiency: wrong-answer feedback, points, a badge and newly unlocked skills', async () => {
    const { page } = learner;
    await page.getByRole('link', { name: 'Add within 10' }).click();
    await page.waitForURL(`**/learn/${SKILL}`);

    const missed = await answerOnPage(page, stack, handle, 'wrong');
    await page.locator('.feedback.wrong').waitFor();
    expect(await page.locator('.feedback .expected').textContent()).toBe(await expectedAnswerText(stack, missed));
    await screenshot(page, 'practice-wrong-answer');
    await page.getByRole('button', { name: /Next/ }).click();

    let answers = 0;
    while (!(await page.getByText("You're proficient in this skill!").isVisible())) {
      if (++answers > 25) throw new Error('Not proficient after 25 correct answers');
      if (answers > 1) await page.getByRole('button', { name: /Next/ }).click();
      await answerOnPage(page, stack, handle, 'right');
      await page.locator('.feedback.correct').waitFor();
    }
    expect(answers).toBeGreaterThanOrEqual(3);
    await page.getByText(/\d+ \/ \d+ in a row/).first().waitFor();
    expect(await page.locator('.gain').textContent()).toMatch(/^\+\d+ points$/);
    await page.getByRole('heading', { name: 'New skills unlocked' }).waitFor();
    await page.getByRole('link', { name: 'Subtract within 10' }).waitFor();
    await page.getByRole('status').filter({ hasText: /badge/i }).first().waitFor();
    await screenshot(page, 'practice-proficient');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const headerPoints = await page.locator('header .points').textContent();
    expect(Number(headerPoints?.replace(/\D/g, ''))).toBeGreaterThan(0);
  });

  it('opens a newly unlocked skill straight away', async () => {
    const { page } = learner;
    await page.getByRole('link', { name: 'Subtract within 10' }).click();
    await page.waitForURL('**/learn/subtract-within-10');
    await page.locator('#answer').waitFor();
    await page.goto('/learn');
    const card = page.locator('article', { has: page.getByRole('link', { name: 'Add within 20', exact: true }) });
    await card.waitFor();
    expect(await card.getAttribute('class')).not.toMatch(/\blocked\b/);
  });

  it('shows points, streak and the badge with its Open Badges link on the profile', async () => {
    const { page } = learner;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: handle }).waitFor();
    await page.getByText(/day streak/i).first().waitFor();
    const assertion = page.getByRole('link', { name: /Open Badges/ }).first();
    await assertion.waitFor();
    const href = await assertion.getAttribute('href');
    const document = (await (await fetch(new URL(href!, stack.url))).json()) as { type: string };
    expect(document.type).toBe('Assertion');
    await screenshot(page, 'profile');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds itself on the leaderboard and in a league with a promotion zone', async () => {
    // Classmates this week: a league of one has nobody to promote.
    for (let i = 0; i < 3; i++) await answerCorrectly(stack, await signUpActor(stack), SKILL);
    const { page } = learner;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
    await page.locator('tr.me').first().waitFor();
    expect(await page.locator('tr.me').first().textContent()).toContain(handle);
    await screenshot(page, 'leaderboard');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'League' }).click();
    await page.getByText(/promotion zone/i).first().waitFor();
    expect(await page.locator('li.me').first().textContent()).toContain(handle);
    await screenshot(page, 'league');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits every learner page on a phone without sideways scrolling', async () => {
    const { page } = learner;
    await page.setViewportSize(PHONE);
    for (const path of ['/learn', `/learn/${SKILL}`, '/leaderboard', '/league', '/tutor', '/profile']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      if (path === `/learn/${SKILL}` || path === '/league') await screenshot(page, `phone${path.replaceAll('/', '-')}`);
    }
  });
});

/** Reads the exercise shown on the page from the database and types the right (or a wrong) answer; returns its id. */
async function answerOnPage(page: Page, stack: AppStack, handle: string, how: 'right' | 'wrong'): Promise<string> {
  const input = page.locator('#answer:not([readonly])');
  await input.waitFor();
  const prompt = (await page.locator('label.prompt').textContent())?.trim();
  const exercise = await openExercise(stack, handle, SKILL);
  if (!exercise || exercise.prompt !== prompt) throw new Error(`The page shows "${prompt}", the database ${JSON.stringify(exercise)}`);
  const answer = how === 'right' ? await expectedAnswerText(stack, exercise.id) : '987654';
  await input.fill(answer);
  await input.press('Enter');
  return exercise.id;
}
