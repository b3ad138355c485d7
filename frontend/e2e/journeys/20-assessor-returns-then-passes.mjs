import { a11y, base, expectText, journey, shared, signIn, words } from '../harness.mjs';

journey('assessor-returns-then-passes', async (page, context) => {
  if (!shared.tierUrl) throw new Error('needs the teacher journey');
  const row = page.locator(`a[href="/reviews/${shared.submissionId}"]`);
  await signIn(page, 'assessor1');
  await page.waitForURL(/\/reviews$/);
  await expectText(page.getByRole('status'), 'Waiting for you, oldest first');
  await a11y(page, 'review-queue');
  // everything is shown: no "Show more" button offering nothing (it showed beside "Showing all 1 submissions")
  if (await page.getByRole('button', { name: 'Show more submissions' }).isVisible()) throw new Error('"Show more" is offered with everything shown');
  await row.click();
  await page.getByRole('heading', { name: /Tier 1: Evidence of learning/ }).waitFor();
  await expectText(page.locator('.reflection-text'), '520 words');
  await a11y(page, 'review');
  // deciding without scores is refused in place
  await page.getByRole('button', { name: 'Return for revision' }).click();
  await expectText(page.locator('.criterion .field-error'), 'Choose a level.');
  const criteria = page.locator('fieldset.criterion');
  const n = await criteria.count();
  for (let i = 0; i < n; i++) await criteria.nth(i).locator('input[type=radio][value="1"]').check();
  await criteria.first().locator('input[type=radio][value="0"]').check();
  await criteria.first().locator('textarea').fill('Name the second source explicitly as a published text.');
  await page.getByLabel('Overall comment to the teacher').fill('Nearly there: one fix to the sources.');
  await page.getByRole('button', { name: 'Return for revision' }).click();
  await page.waitForURL(/\/reviews$/);
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  if (await row.count()) throw new Error('returned work still in the queue');

  // the teacher reads the feedback and resubmits
  const teacher = await context.browser().newContext({ viewport: { width: 375, height: 740 } });
  const tp = await teacher.newPage();
  await signIn(tp, 'teacher');
  await tp.goto(shared.tierUrl);
  await expectText(tp.locator('.feedback'), 'Name the second source explicitly');
  await a11y(tp, 'feedback');
  await tp.getByLabel('Link or citation 2').fill('https://www.ascd.org/el/articles/published-goal-setting-study');
  await tp.getByRole('button', { name: 'Save sources' }).click();
  await expectText(tp.locator('.saved'), '2 sources saved');
  await tp.getByRole('button', { name: 'Resubmit this tier' }).click();
  await expectText(tp.getByRole('status'), 'Submitted: your assessor will review it.');
  await teacher.close();

  await page.goto(`${base}/reviews`);
  await row.click();
  await page.getByText('Attempt 2').waitFor();
  for (let i = 0; i < n; i++) await criteria.nth(i).locator('input[type=radio][value="1"]').check();
  await page.getByRole('button', { name: 'Pass' }).click();
  await page.waitForURL(/\/reviews$/);
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  if (await row.count()) throw new Error('passed work still in the queue');
});
