// Peer tutoring in two browser contexts against the app as `npm start` runs it (api + worker matching):
// a stuck learner asks for help, a proficient tutor who went available gets the offer and accepts, they chat
// both ways, the learner ends and rates the session, then reports and blocks.
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { makeProficient, signUpActor } from './support/api-actor';
import { startAppStack, type AppStack } from './support/app-stack';
import { launchBrowser, openPage, screenshot, seriousA11yViolations, type TestPage } from './support/browser';
import { buildOnce } from './support/build-once';
import { failOnConsoleErrors } from './support/failures';

jest.setTimeout(90_000);

const SKILL = 'add-within-10';

async function logIn(page: Page, handle: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/learn');
}

describe('peer tutoring in two browsers', () => {
  let stack: AppStack;
  let browser: Browser;
  let tutor: TestPage;
  let learner: TestPage;
  let tutorHandle = '';
  let learnerHandle = '';

  beforeAll(async () => {
    await buildOnce();
    [stack, browser] = await Promise.all([startAppStack(), launchBrowser()]);
    const [tutorActor, learnerActor] = await Promise.all([
      signUpActor(stack, { birthYear: 2009 }),
      signUpActor(stack, { birthYear: 2011 }),
    ]);
    await makeProficient(stack, tutorActor, SKILL);
    tutorHandle = tutorActor.handle;
    learnerHandle = learnerActor.handle;
    [tutor, learner] = await Promise.all([openPage(browser, stack.url), openPage(browser, stack.url)]);
    await Promise.all([logIn(tutor.page, tutorHandle, tutorActor.password), logIn(learner.page, learnerHandle, learnerActor.password)]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    failOnConsoleErrors(tutor, stack);
    failOnConsoleErrors(learner, stack);
  });

  it('lets a proficient learner go available to tutor', async () => {
    const { page } = tutor;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help others' }).click();
    const toggle = page.getByRole('switch', { name: 'Available to help' });
    await toggle.click();
    await page.locator('[role="switch"][aria-checked="true"]').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Add within 10' }).waitFor();
    await screenshot(page, 'tutor-available');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows a stuck learner their place in line, tutors online and the wait', async () => {
    const { page } = learner;
    await page.goto(`/learn/${SKILL}`);
    await page.getByLabel(/What are you stuck on/).fill('I keep mixing up 7 + 3 and 3 + 7');
    await page.getByRole('button', { name: 'Ask a peer' }).click();
    await page.locator('.help .status').waitFor();
    expect(await page.locator('.help').textContent()).toMatch(/tutor/i);
    await screenshot(page, 'help-request-waiting');
  });

  it('offers the request to the tutor with a countdown, and the tutor accepts', async () => {
    const { page } = tutor;
    const offer = page.getByRole('region', { name: /Someone needs help with Add within 10/ });
    await offer.waitFor();
    expect(await offer.textContent()).toContain('I keep mixing up 7 + 3 and 3 + 7');
    expect(await offer.locator('.left strong').textContent()).toMatch(/^\d+$/);
    await screenshot(page, 'tutor-offer');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await offer.getByRole('button', { name: 'Accept and help' }).click();
    await page.waitForURL('**/sessions/*');
    await page.getByRole('heading', { name: `Helping ${learnerHandle}` }).waitFor();
    // The learner is taken to the same session by the MATCHED event.
    await learner.page.waitForURL('**/sessions/*');
    expect(new URL(learner.page.url()).pathname).toBe(new URL(page.url()).pathname);
  });

  it('delivers chat messages both ways, live', async () => {
    await send(tutor.page, 'Hi! Adding works in any order. What is 7 + 3?');
    await learner.page.locator('.log li', { hasText: 'What is 7 + 3?' }).waitFor();
    await send(learner.page, 'Oh! It is 10 both ways');
    await tutor.page.locator('.log li', { hasText: 'It is 10 both ways' }).waitFor();
    await screenshot(learner.page, 'session-chat-learner');
    await screenshot(tutor.page, 'session-chat-tutor');
    expect(await seriousA11yViolations(learner.page)).toEqual([]);
  });

  it('ends the session for both and lets the learner rate it', async () => {
    const { page } = learner;
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('button', { name: 'Yes, end it' }).click();
    await page.getByText('This session has ended.').waitFor();
    await tutor.page.getByText('This session has ended.').waitFor();

    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thanks for rating: 5 of 5 stars, helpful.').waitFor();
    await screenshot(page, 'session-rated');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reports and blocks the other person from the session', async () => {
    const { page } = learner;
    await page.getByText(`Report or block ${tutorHandle}`).click();
    await page.getByLabel('What happened?').selectOption('SPAM');
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByText('A moderator will read the chat').waitFor();
    await page.getByRole('button', { name: `Block ${tutorHandle}` }).click();
    await page.getByRole('button', { name: 'Yes, block' }).click();
    await page.getByText(`${tutorHandle} is blocked`).waitFor();
    const { rows } = await stack.sql.query<{ reports: number; blocks: number }>(
      `SELECT (SELECT count(*) FROM user_reports)::int AS reports, (SELECT count(*) FROM user_blocks)::int AS blocks`,
    );
    expect(rows[0]).toEqual({ reports: 1, blocks: 1 });
  });
});

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByLabel(/Message to/);
  await box.fill(text);
  await box.press('Enter');
  await page.locator('.log li.mine', { hasText: text }).waitFor();
}
