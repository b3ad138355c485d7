import { a11y, base, expectText, fitsNarrow, invitationLink, journey, signIn } from '../harness.mjs';

// An administrator opens a cohort with a due date, enrolls a list (one new address invited, one refused), the
// invited teacher joins and sees what is due next, and the evaluator opens the demo cohort's month of submissions.
const NEW_TEACHER = { email: 'morgan.lee@example.org', password: 'morgan-e2e-password-3' };

journey('admin-runs-a-cohort', async (page, context) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click();
  await page.getByRole('heading', { name: 'Cohorts', level: 1 }).waitFor();
  await expectText(page.locator('table'), 'Data-Informed Instruction (Derry-style cohort)');
  await a11y(page, 'cohorts');
  // a mistake lands next to its field
  const form = page.getByRole('form', { name: 'Open a cohort' });
  await form.getByLabel('Name').fill('Formative Assessment spring cohort');
  await form.getByLabel('Microcredential').selectOption({ label: 'Formative Assessment in Daily Teaching' });
  await form.getByLabel('Evaluator', { exact: true }).selectOption({ label: 'Avery Assessor' });
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Learn the techniques: whole section').fill(twoDaysAgo);
  await form.getByLabel('Reminders, days before each due date').fill('7, 90');
  await form.getByRole('button', { name: 'Open the cohort' }).click();
  await page.locator('[data-field="reminderDays"][aria-invalid="true"], .field[data-field="reminderDays"] [aria-invalid="true"]').first().waitFor();
  await form.getByLabel('Reminders, days before each due date').fill('7, 1');
  await form.getByRole('button', { name: 'Open the cohort' }).click();
  await page.getByRole('heading', { name: 'Formative Assessment spring cohort', level: 1 }).waitFor();
  await expectText(page.locator('p.meta'), 'no late work accepted');

  // enroll a list: a new address is invited, an assessor is no teacher
  await page.getByLabel('District email addresses').fill(`${NEW_TEACHER.email}\nassessor2@demo.cairn.test`);
  await page.getByRole('button', { name: 'Enroll these teachers' }).click();
  await expectText(page.locator('table'), 'Invited and enrolled');
  await expectText(page.locator('table'), 'Not a teacher of this district.');
  await page.getByRole('link', { name: 'Show the updated list' }).click();
  await expectText(page.locator('table'), 'morgan.lee (invited)');
  await a11y(page, 'cohort detail');
  await page.reload();
  await page.getByRole('heading', { name: 'Formative Assessment spring cohort', level: 1 }).waitFor();

  // the invited teacher joins and sees the overdue first section as what is next
  const teacherContext = await context.browser().newContext();
  const tp = await teacherContext.newPage();
  await tp.goto(invitationLink(NEW_TEACHER.email));
  await tp.getByLabel('Choose a password').fill(NEW_TEACHER.password);
  await tp.getByRole('button', { name: 'Join' }).click();
  await tp.waitForURL(/\/catalog$/);
  await tp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Due dates' }).click();
  await tp.getByRole('heading', { name: 'Due dates', level: 1 }).waitFor();
  await expectText(tp.getByRole('status'), 'Next: Learn the techniques, was due');
  await a11y(tp, 'due dates');
  await tp.setViewportSize({ width: 375, height: 740 });
  await fitsNarrow(tp, 'due dates');
  await tp.getByRole('link', { name: 'Open the work' }).click();
  await tp.waitForURL(/\/my\/enrollments\/[^/]+\/tiers\/tier-1$/);
  await teacherContext.close();

  // the evaluator: the cohorts they evaluate, and a month of the demo cohort's submissions together
  const evaluatorContext = await context.browser().newContext();
  const ep = await evaluatorContext.newPage();
  await signIn(ep, 'assessor1');
  await ep.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click();
  await ep.getByRole('heading', { name: 'Cohorts I evaluate', level: 1 }).waitFor();
  await ep.getByRole('link', { name: 'Data-Informed Instruction (Derry-style cohort)' }).click();
  await ep.getByRole('heading', { name: /^Data-Informed Instruction \(Derry-style cohort\): / , level: 1 }).waitFor();
  await expectText(ep.locator('table'), 'Riley Teacher');
  await expectText(ep.locator('table'), 'Passed');
  await a11y(ep, 'cohort month');
  await ep.reload();
  await expectText(ep.locator('table'), 'Riley Teacher');
  // another month: nothing, said plainly
  await ep.goto(`${base}${new URL(ep.url()).pathname}?month=2001-01`);
  await expectText(ep.locator('main'), 'No submissions in January 2001.');
  await evaluatorContext.close();
});
