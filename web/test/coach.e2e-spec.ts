// A coach in a real browser: creates a class, watches the green / blue / red grid while a student
// practises through the api, and sees the cell turn green live (no reload), then reads who could help
// whom and a student's activity log.
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { answerCorrectly, makeProficient, signUpActor, type Actor } from './support/api-actor';
import { startAppStack, type AppStack } from './support/app-stack';
import { launchBrowser, openPage, PHONE, screenshot, seriousA11yViolations, type TestPage } from './support/browser';
import { buildOnce } from './support/build-once';
import { failOnConsoleErrors } from './support/failures';

jest.setTimeout(90_000);

const SKILL = 'add-within-10';
const JOIN = 'mutation($input: JoinClassroomInput!) { joinClassroom(input: $input) { id } }';

describe('a coach in the browser', () => {
  let stack: AppStack;
  let browser: Browser;
  let coach: TestPage;
  let joinCode = '';
  let maya: Actor;
  let tane: Actor;

  beforeAll(async () => {
    await buildOnce();
    [stack, browser] = await Promise.all([startAppStack(), launchBrowser()]);
    coach = await openPage(browser, stack.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => failOnConsoleErrors(coach, stack));

  it('signs up as a coach and creates a class with a join code', async () => {
    const { page } = coach;
    await page.goto('/signup');
    await page.getByLabel('Handle').fill(`coach_${Date.now().toString(36)}`);
    await page.getByLabel('Password', { exact: true }).fill('a long teaching sentence 2026');
    await page.getByLabel('Birth year').fill('1984');
    await page.getByLabel(/follow a class/).check();
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL('**/coach');
    await page.getByRole('heading', { name: 'Your classes' }).waitFor();
    await page.getByText('No classes yet').waitFor();

    await page.getByLabel('Class name').fill('Room 12 maths');
    await page.getByRole('button', { name: 'Create class' }).click();
    const created = page.locator('.created .code');
    await created.waitFor();
    joinCode = (await created.textContent())!.trim();
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    await screenshot(page, 'coach-classes');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows students as they practise: blue while working', async () => {
    [maya, tane] = await Promise.all([signUpActor(stack), signUpActor(stack)]);
    for (const student of [maya, tane]) await student.gql(JOIN, { input: { code: joinCode } });
    await answerCorrectly(stack, maya, SKILL);

    const { page } = coach;
    await page.getByRole('link', { name: 'Open the live grid' }).click();
    await page.getByRole('heading', { name: 'Room 12 maths' }).waitFor();
    await page.locator(`[data-cell="${maya.handle}:${SKILL}"][data-status="WORKING"]`).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
  });

  it('turns a cell green live when the student becomes proficient, without a reload', async () => {
    const { page } = coach;
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await makeProficient(stack, maya, SKILL);
    await page.locator(`[data-cell="${maya.handle}:${SKILL}"][data-status="PROFICIENT"]`).waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await screenshot(page, 'coach-grid-live');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('pairs a proficient student with one still working on the skill', async () => {
    await tane.gql(
      'mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) { correct } }',
      { input: { exerciseId: await nextExerciseId(tane), answer: '999', idempotencyKey: crypto.randomUUID() } },
    );
    const { page } = coach;
    await page.locator(`[data-cell="${tane.handle}:${SKILL}"]:not([data-status="NOT_STARTED"])`).waitFor();
    await page.locator('.pairs li', { hasText: `${maya.handle} could help ${tane.handle}` }).waitFor();
  });

  it("opens a student's activity log", async () => {
    const { page } = coach;
    await page.getByRole('link', { name: maya.handle, exact: true }).first().click();
    await page.getByRole('heading', { name: maya.handle }).waitFor();
    await page.getByText(/Answered Add within 10 correctly/).first().waitFor();
    const right = await page.locator('.stats li', { hasText: 'right' }).locator('strong').textContent();
    expect(Number(right)).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'coach-activity');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps the grid usable at phone width', async () => {
    const { page } = coach;
    await page.setViewportSize(PHONE);
    await page.goBack();
    await page.locator(`[data-cell="${maya.handle}:${SKILL}"]`).waitFor();
    await screenshot(page, 'coach-grid-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

async function nextExerciseId(actor: Actor): Promise<string> {
  const { nextExercise } = await actor.gql<{ nextExercise: { id: string } }>('query($s: String!) { nextExercise(skillSlug: $s) { id } }', {
    s: SKILL,
  });
  return nextExercise.id;
}
