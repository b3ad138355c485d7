import { a11y, base, expectText, fitsNarrow, journey, outbox, signIn } from '../harness.mjs';

// A teacher answers the district's needs survey, writes a learning plan and sends it; the supervisor opens it from
// the mail and returns it with a comment; the teacher changes it and sends it again; it is approved. The
// administrator reads the survey's results by school and the needs report. Reload and back on the way, 320 px too.
journey('teacher-plans-from-needs', async (page, context) => {
  await signIn(page, 'teacher1');
  // the catalogue says nothing to recommend until a plan or the survey points somewhere: the survey already does
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
  await page.getByRole('heading', { name: 'My learning plan', level: 1 }).waitFor();
  await expectText(page.getByRole('status'), 'is open');
  await page.getByRole('link', { name: 'Answer it' }).click();
  await page.getByRole('heading', { name: 'Needs survey', level: 1 }).waitFor();
  const survey = page.getByRole('form').first();
  await survey.getByRole('group', { name: /How confident/ }).getByLabel('3', { exact: true }).check();
  const clusters = survey.getByRole('group', { name: /Danielson clusters/ });
  await clusters.getByLabel('Cluster 3: Classroom Management').check();
  await clusters.getByLabel(/^Cluster 5:/).check();
  // two allowed: the others wait
  if (!(await clusters.getByLabel(/^Cluster 1:/).isDisabled())) throw new Error('a third cluster could be chosen');
  await survey.getByRole('group', { name: /standard/ }).getByLabel('Data (Learning Forward 2011)').check();
  await a11y(page, 'needs survey');
  await survey.getByRole('button', { name: 'Send my answers' }).click();
  await survey.getByRole('button', { name: 'Change my answers' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Needs survey', level: 1 }).waitFor();
  if (!(await page.getByRole('group', { name: /Danielson clusters/ }).getByLabel('Cluster 3: Classroom Management').isChecked())) throw new Error('the answer was not kept');
  await page.setViewportSize({ width: 320, height: 740 });
  await fitsNarrow(page, 'needs survey at 320');
  await page.setViewportSize({ width: 1280, height: 900 });

  // back to the plan: one goal, its target and microcredential; saved, then sent to the supervisor (Dana)
  await page.goBack();
  await page.getByRole('heading', { name: 'My learning plan', level: 1 }).waitFor();
  const goal = page.getByRole('group', { name: 'Goal 1' });
  await goal.getByLabel('What you want to grow in').fill('Check for understanding in every lesson');
  await goal.getByLabel('Cluster, component or standard 1').selectOption({ label: '3d Using Assessment in Instruction' });
  await goal.getByLabel('Microcredential 1').selectOption({ label: 'Formative Assessment in Daily Teaching' });
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expectText(page.locator('.recommendations'), 'chosen for your goal');
  await expectText(page.locator('.recommendations'), 'Formative Assessment in Daily Teaching');
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await expectText(page.getByRole('status'), 'With Dana Admin for approval');
  await a11y(page, 'my plan');
  await page.setViewportSize({ width: 320, height: 740 });
  await fitsNarrow(page, 'my plan at 320');
  await page.setViewportSize({ width: 1280, height: 900 });

  // the supervisor opens the plan from the mail and returns it with a comment
  const mail = outbox().reverse().find((m) => m.to === 'admin@demo.cairn.test' && m.subject.includes('Taylor Teacher'));
  if (!mail) throw new Error('no mail told the supervisor about the plan');
  const link = mail.text.match(/https?:\/\/[^\s"<>]+\/plans\/[A-Za-z0-9_-]+/)[0];
  const adminContext = await context.browser().newContext();
  const ap = await adminContext.newPage();
  await signIn(ap, 'admin');
  await ap.goto(`${base}${new URL(link).pathname}`);
  await ap.getByRole('heading', { name: 'Learning plan of Taylor Teacher', level: 1 }).waitFor();
  await a11y(ap, 'plan to decide');
  // a return needs a comment: said next to it
  await ap.getByRole('button', { name: 'Return with the comment' }).click();
  await ap.locator('.field[data-field="comment"] [aria-invalid="true"], [data-field="comment"][aria-invalid="true"]').first().waitFor();
  await ap.getByLabel('Comment for the teacher').fill('Add a second goal on questioning.');
  await ap.getByRole('button', { name: 'Return with the comment' }).click();
  await expectText(ap.locator('p.meta'), 'Returned for changes');

  // the teacher sees the comment, adds a goal and sends it again
  await page.reload();
  await expectText(page.locator('blockquote'), 'Add a second goal on questioning.');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  const second = page.getByRole('group', { name: 'Goal 2' });
  await second.getByLabel('What you want to grow in').fill('Ask questions that make every student think');
  await second.getByLabel('Cluster, component or standard 1').selectOption({ label: '3b Using Questioning and Discussion Techniques' });
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await expectText(page.getByRole('status'), 'With Dana Admin for approval');

  // approved from the district's list of plans
  await ap.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs and plans' }).click();
  await ap.getByRole('heading', { name: 'Needs and plans', level: 1 }).waitFor();
  await ap.getByRole('link', { name: 'Taylor Teacher' }).click();
  await ap.getByRole('button', { name: 'Approve' }).click();
  await expectText(ap.locator('p.meta'), 'Approved');
  await ap.goBack();
  await ap.getByRole('heading', { name: 'Needs and plans', level: 1 }).waitFor();

  // the survey's results by school, the rule said; the needs report
  await ap.getByRole('link', { name: /^Needs assessment / }).click();
  await ap.getByRole('heading', { name: 'Results by school', level: 2 }).waitFor();
  await expectText(ap.locator('main'), 'Lincoln Middle School');
  await expectText(ap.locator('main'), 'Other schools (');
  await expectText(ap.locator('main'), 'at least 5 teachers answered');
  await a11y(ap, 'survey results');
  await ap.getByRole('link', { name: 'Needs against practice' }).click();
  await ap.getByRole('heading', { name: 'Needs against practice', level: 1 }).waitFor();
  await expectText(ap.locator('table'), 'Cluster 2:');
  await a11y(ap, 'needs report');
  await ap.reload();
  await ap.getByRole('heading', { name: 'Needs against practice', level: 1 }).waitFor();
  await ap.setViewportSize({ width: 320, height: 740 });
  await fitsNarrow(ap, 'needs report at 320');
  await adminContext.close();

  await page.reload();
  await expectText(page.getByRole('status'), 'Approved on');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await expectText(page.getByRole('complementary', { name: 'Recommended for you' }), 'Formative Assessment in Daily Teaching');
});
