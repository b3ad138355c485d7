// Compensation as districts pay it (issue 19): an administrator authors a Kettle Moraine-style credential in the
// editor that raises base salary by $400 a year from the next contract year (three fiscal years committed, District
// funds); a teacher sees what it pays in the catalog and proposes it; the administrator approves it on the Approvals
// screen; the teacher passes (evidence and the decision through the API: the review screens have their own journey);
// then "Pay and budget" shows the fiscal years ahead, next year's payroll lists the recurring increase, and the payroll
// and spending downloads are clicked and read back.
import { readFileSync } from 'node:fs';
import { a11y, base, expectText, fitsNarrow, journey, PASSWORD, signIn, words } from '../harness.mjs';

async function downloaded(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

/** Rows of a CSV by header name (quoted cells with commas and doubled quotes, as the service writes them). */
function csvRows(text) {
  const lines = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); lines.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); lines.push(row); }
  const [header, ...rest] = lines;
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

async function api(context, email) {
  await context.request.get(`${base}/api/v1/auth/providers`);
  const first = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const login = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password: PASSWORD }, headers: { 'X-XSRF-TOKEN': first } });
  if (!login.ok()) throw new Error(`sign-in of ${email}: ${login.status()}`);
  const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? first;
  return async (method, path, data) => {
    const res = await context.request.fetch(`${base}${path}`, { method, data, headers: { 'X-XSRF-TOKEN': xsrf } });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : res.json();
  };
}

journey('admin-pays-a-salary-credential', async (page, context) => {
  const title = `Foundations of Practice in Learner Motivation ${Date.now() % 100000}`;
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin\/templates$/);
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('heading', { name: 'New microcredential: untitled' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary', { exact: true }).fill('Design motivation routines with your students; earning it raises your base salary.');
  await page.getByLabel(/^Teachers propose it first/).check();
  await page.getByLabel('Tier title', { exact: true }).fill('Motivation in practice');
  // what passing pays: a base-salary increase, only its own fields shown
  await page.getByLabel('Pays', { exact: true }).selectOption({ label: 'A base-salary increase' });
  await page.getByLabel('Increase per year (dollars)').fill('400');
  await expectText(page.getByLabel('The increase starts'), 'With the next contract year');
  await page.getByLabel('Fiscal years to commit').fill('3');
  await page.getByLabel('Funding source').selectOption('District');
  if (await page.getByLabel('Stipend in dollars').count()) throw new Error('a salary increase still shows the stipend field');
  await a11y(page, 'editor-salary-pay');
  await page.getByLabel('What earners must show').fill('A motivation routine designed with students and its effect.');
  await page.getByLabel('Prompt to the teacher').fill('Which routine did you design with your students, and what changed?');
  await page.getByLabel(/^Badge artwork/).setInputFiles({ name: 'spark.svg', mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#8a4b08"/></svg>') });
  await page.getByRole('img', { name: 'Badge artwork' }).waitFor();
  await page.getByLabel('Criterion name').fill('Routine in use');
  await page.getByLabel('What “Not yet on track” looks like').fill('Describes a routine without students’ part in it.');
  await page.getByLabel('What “On track” looks like').fill('Students use the routine and its effect is shown.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/admin\/templates\?published=/);
  const templateId = new URL(page.url()).searchParams.get('published');
  // the saved draft keeps the pay: reopened, the salary fields are there
  await page.goto(`${base}/admin/templates/${templateId}`);
  if ((await page.getByLabel('Increase per year (dollars)').inputValue()) !== '400') throw new Error('the salary increase was not kept');

  // the teacher sees what it pays, on the catalog card and the microcredential's page
  const teacherContext = await context.browser().newContext();
  const tp = await teacherContext.newPage();
  await signIn(tp, 'teacher1');
  await tp.goto(`${base}/catalog?q=${encodeURIComponent('Learner Motivation')}`);
  await expectText(tp.locator('li.card', { hasText: title }), 'a year added to base salary from the next contract year (District)');
  await tp.getByRole('link', { name: title }).click();
  await expectText(tp.getByRole('list', { name: 'What each part pays' }), '$400 a year added to base salary');
  await a11y(tp, 'catalog-salary');
  await tp.setViewportSize({ width: 320, height: 700 });
  await fitsNarrow(tp, 'catalog-salary-320');
  await tp.setViewportSize({ width: 1280, height: 800 });
  await tp.getByRole('button', { name: 'Start a proposal' }).click();
  await tp.getByLabel('Topic').fill('Student-designed motivation routines');
  await tp.getByLabel('Source 1').fill('Ryan and Deci, Self-Determination Theory (book)');
  await tp.getByLabel('Source 2').fill('District PD day on motivation (event)');
  await tp.getByLabel('Implementation plan').fill('Co-design a weekly choice routine with two classes and track engagement.');
  await tp.getByRole('button', { name: 'Submit proposal' }).click();
  await tp.waitForURL(/\/my\/enrollments\/[^/]+$/);
  const enrollmentId = tp.url().split('/').pop();

  // the administrator approves it, seeing what it pays; the budget's fiscal years are one link away
  await page.goto(`${base}/admin/approvals`);
  const card = page.locator('article.proposal', { hasText: title });
  await expectText(card, 'Pays: $400');
  await card.getByRole('button', { name: 'Approve' }).click();
  await card.waitFor({ state: 'detached' });

  // the teacher passes: evidence and the decision through the API
  const teacher = await api(teacherContext, 'teacher1@demo.cairn.test');
  const adminContext = await context.browser().newContext();
  const admin = await api(adminContext, 'admin@demo.cairn.test');
  const preview = await admin('GET', `/api/v1/catalogue/${templateId}`);
  const tier = preview.tiers[0];
  const requirement = tier.requirements[0];
  await teacher('PUT', `/api/v1/enrollments/${enrollmentId}/tiers/${tier.key}/requirements/${requirement.key}/reflection`, { text: words(300) });
  const submission = await teacher('POST', `/api/v1/enrollments/${enrollmentId}/tiers/${tier.key}/submission`);
  await admin('POST', `/api/v1/submissions/${submission.id}/decision`, { attempt: 1, outcome: 'PASS',
    scores: requirement.criteria.map((c) => ({ requirementKey: requirement.key, criterionKey: c.key, level: 1, feedback: 'Shown.' })) });
  await teacherContext.close();

  // Pay and budget: the years ahead hold the increase; next year's payroll lists it as recurring
  const years = await admin('GET', '/api/v1/budget/years');
  const next = years[1].fiscalYear;
  await page.goto(`${base}/admin/approvals`);
  await page.getByRole('link', { name: /^Pay and budget/ }).click();
  await page.getByRole('heading', { name: 'Pay and budget', level: 1 }).waitFor();
  const budget = page.getByRole('region', { name: 'Budget by fiscal year' }).last();
  for (const y of years.slice(1, 4)) {
    const row = budget.getByRole('row').filter({ hasText: y.fiscalYear });
    if (y.paidCents < 40000) throw new Error(`${y.fiscalYear} holds ${y.paidCents} cents paid, not the $400 increase`);
    await expectText(row, `$${(y.paidCents / 100).toLocaleString('en-US')}`);
  }
  await a11y(page, 'pay-and-budget');
  // the next fiscal year's first day, in the district's calendar, as the service counts it
  const { from } = await admin('GET', `/api/v1/spending?fiscalYear=${next}`);
  const to = new Date(Date.parse(`${from}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const payroll = page.getByRole('form', { name: 'Payroll' });
  await payroll.getByLabel('From').fill(from);
  await payroll.getByLabel('To').fill(to);
  await payroll.getByRole('button', { name: 'Show' }).click();
  const recurring = page.getByRole('region', { name: 'Recurring salary increases' });
  await expectText(recurring.getByRole('row').filter({ hasText: title }), '$400');
  const csv = await downloaded(page, payroll.getByRole('button', { name: 'Download payroll (CSV)' }));
  if (csv.name !== `payroll-${from}-to-${to}.csv`) throw new Error(`unexpected file name ${csv.name}`);
  const row = csvRows(csv.text).find((r) => r.person_email === 'teacher1@demo.cairn.test' && r.microcredential === title);
  if (!row) throw new Error(`the increase is missing from payroll: ${csv.text}`);
  if (row.pay_type !== 'recurring' || row.annual_increase !== '400.00' || row.effective_on !== from || row.one_time_amount !== '')
    throw new Error(`not a recurring increase: ${JSON.stringify(row)}`);
  if (!(Number(row.amount_in_period) > 33 && Number(row.amount_in_period) < 35)) throw new Error(`31 days of $400 a year is about $34: ${row.amount_in_period}`);

  // spending by funding source for next fiscal year: the salary increases from District, downloaded and read back
  await page.getByLabel('Fiscal year', { exact: true }).selectOption(next);
  await expectText(page.getByRole('region', { name: `Spending in ${next}` }), 'Title II-A');
  const spending = await downloaded(page, page.getByRole('button', { name: 'Download spending (CSV)' }));
  const districtRow = csvRows(spending.text).find((r) => r.funding_source === 'District');
  if (!districtRow || Number(districtRow.salary_increases) < 400) throw new Error(`spending misses the increase: ${spending.text}`);
  await page.setViewportSize({ width: 375, height: 740 });
  await fitsNarrow(page, 'pay-and-budget-375');
  await page.reload();
  await page.getByRole('heading', { name: 'Pay and budget', level: 1 }).waitFor();
  await adminContext.close();
});
