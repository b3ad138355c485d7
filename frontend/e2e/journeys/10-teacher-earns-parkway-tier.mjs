import { a11y, base, expectText, fitsNarrow, invitationLink, journey, shared, signIn, TEACHER, words } from '../harness.mjs';

journey('teacher-earns-parkway-tier', async (page, context) => {
  // the district admin invites a new teacher, with a coach (so the coach never assesses her work)
  const admin = await context.browser().newContext();
  const ap = await admin.newPage();
  await signIn(ap, 'admin');
  await ap.goto(`${base}/admin/people`);
  await ap.getByRole('heading', { name: 'Invite someone' }).waitFor();
  await a11y(ap, 'people');
  await ap.getByRole('button', { name: 'Send invitation' }).click();
  await ap.locator('[data-field="email"][aria-invalid="true"]').waitFor();
  await ap.getByLabel('Email', { exact: true }).fill(TEACHER.email);
  await ap.getByLabel('Name', { exact: true }).fill(TEACHER.name);
  await ap.getByLabel('School', { exact: true }).fill('Lincoln Middle School');
  await ap.getByLabel('Years of experience').fill('3');
  await ap.getByLabel('Coach (optional)').selectOption({ label: 'Sam Coach-Assessor' });
  await ap.getByRole('button', { name: 'Send invitation' }).click();
  await expectText(ap.locator('#toast'), `Invitation sent to ${TEACHER.email}`);
  await expectText(ap.locator('.people'), TEACHER.name);

  await page.goto(invitationLink(TEACHER.email));
  await page.getByRole('heading', { name: 'Join Cairn' }).waitFor();
  await a11y(page, 'invitation');
  await page.getByLabel('Choose a password').fill('short');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('[data-field="password"][aria-invalid="true"]').waitFor();
  await page.getByLabel('Choose a password').fill(TEACHER.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL(/\/catalog$/);
  // signed out, then back in: a wrong password answers next to the form, not as raw JSON
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await a11y(page, 'sign-in');
  await page.getByLabel('Email').fill(TEACHER.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectText(page.locator('.form-error'), 'Sign-in failed');
  await signIn(page, 'teacher');
  await page.waitForURL(/\/catalog$/);
  await page.getByRole('heading', { name: 'Microcredential catalog' }).waitFor();
  await a11y(page, 'catalog');
  await fitsNarrow(page, 'catalog');
  if (!(await page.locator('details.filters-box').getAttribute('open') !== null)) await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Search').fill('personalized');
  await page.getByLabel('Stipend at least ($)').fill('300');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/q=personalized/);
  await expectText(page.getByRole('status'), '1 of ');
  await page.getByRole('link', { name: 'Personalized Learning Microcredential' }).click();
  await page.getByRole('heading', { name: 'Personalized Learning Microcredential' }).waitFor();
  await a11y(page, 'template');
  await fitsNarrow(page, 'template');
  await page.getByRole('button', { name: 'Start a proposal' }).click();
  await page.getByRole('heading', { name: 'Your proposal' }).waitFor();
  // an empty proposal: the service's 422 lands next to each field
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await page.locator('[data-field="topic"][aria-invalid="true"]').waitFor();
  await page.locator('[data-field="plan"][aria-invalid="true"]').waitFor();
  await page.getByLabel('Topic').fill('Student goal-setting conferences');
  await page.getByLabel('Source 1').fill('Hattie, Visible Learning (book)');
  await page.getByLabel('Source 2').fill('District PD day on goal setting (event)');
  await page.getByLabel('Implementation plan').fill('Weekly five-minute goal conferences with each student in two classes.');
  await a11y(page, 'proposal');
  await page.getByRole('button', { name: 'Submit proposal' }).click();
  await expectText(page.getByRole('status'), 'Proposal waiting for approval');
  shared.enrolmentUrl = page.url();

  // the district admin approves it with the budget in view
  await ap.goto(`${base}/admin/approvals`);
  await expectText(ap.locator('.budget'), 'remaining');
  await a11y(ap, 'approvals');
  const card = ap.getByRole('article', { name: `${TEACHER.name}: Personalized Learning Microcredential` });
  await card.getByRole('button', { name: 'Approve' }).click();
  await card.waitFor({ state: 'detached' });
  await admin.close();

  await page.reload();
  await expectText(page.getByRole('status'), 'In progress');
  await page.getByRole('link', { name: 'Tier 1: Evidence of learning' }).click();
  await page.getByRole('heading', { name: 'Tier 1: Evidence of learning' }).waitFor();
  shared.tierUrl = page.url();
  await page.getByLabel('Link or citation 1').fill('https://www.visiblelearning.com/content/goal-setting');
  // a book has no web address: a citation is accepted (it used to be refused as "not a URL")
  await page.getByLabel('Link or citation 2').fill('Hattie, J. (2009). Visible Learning. Routledge.');
  await page.getByRole('button', { name: 'Save sources' }).click();
  await expectText(page.locator('.saved'), '2 sources saved');
  const reflection = page.getByLabel('Your reflection');
  await reflection.fill(words(120));
  await expectText(page.locator('.counter'), '120 words (needs 500–600)');
  await reflection.fill(words(520));
  await expectText(page.locator('.counter.ok'), '520 words');
  await expectText(page.locator('.saved'), 'Draft saved');
  await a11y(page, 'tier-workspace');
  await fitsNarrow(page, 'tier-workspace');
  await page.getByRole('button', { name: 'Submit this tier' }).click();
  await expectText(page.getByRole('status'), 'Submitted: your assessor will review it.');
  const enrolmentId = new URL(shared.enrolmentUrl).pathname.split('/').pop();
  const subs = await (await page.request.get(`${base}/api/v1/enrollments/${enrolmentId}/submissions`)).json();
  shared.submissionId = subs[0].id;
}, { narrow: true });
