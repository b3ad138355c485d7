import { a11y, base, expectText, fitsNarrow, journey, signIn } from '../harness.mjs';

// The catalog, the admin's templates and the badges expiring soon come a page at a time like every growing list:
// the catalog's "N of M" and its filter choices are the whole catalog's, not the page's; a search that finds nothing
// says 0 of all and keeps the choices.
journey('lists-a-page-at-a-time', async (page, context) => {
  await signIn(page, 'teacher');
  await page.goto(`${base}/catalog`);
  await page.getByRole('heading', { name: 'Microcredential catalog' }).waitFor();
  const status = page.getByRole('status').filter({ hasText: 'microcredentials' });
  const [shown, total] = (await status.innerText()).match(/(\d+) of (\d+)/).slice(1).map(Number);
  if (shown !== total || total < 1) throw new Error(`catalog says ${shown} of ${total}`);
  const cards = page.locator('main ul.cards > li');
  if (await cards.count() !== Math.min(total, 50)) throw new Error(`catalog shows ${await cards.count()} cards of ${total}`);
  await expectText(page.locator('.pager-count'), total > 50 ? 'Showing the first 50 microcredentials' : total === 1 ? 'Showing the only microcredential' : `Showing all ${total} microcredentials`);
  if (await page.getByRole('button', { name: 'Show more microcredentials' }).isVisible() !== total > 50) throw new Error('"Show more" offered wrongly');
  const subjects = await page.getByLabel('Subject').locator('option').count();
  await page.getByLabel('Search').fill('zzzz no such microcredential');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expectText(status, `0 of ${total} microcredentials`);
  if (await cards.count() !== 0) throw new Error('a search that matches nothing still shows cards');
  if (await page.getByLabel('Subject').locator('option').count() !== subjects) throw new Error('the filter choices changed with the search');
  await page.setViewportSize({ width: 320, height: 700 });
  await fitsNarrow(page, 'catalog with a search at 320 px');

  const admin = await (await context.browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(admin, 'admin');
  await admin.goto(`${base}/admin/templates`);
  await admin.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
  const rows = await admin.locator('main table tbody tr').count();
  await expectText(admin.locator('.pager-count'), rows >= 50 ? 'Showing the first 50 templates' : rows === 1 ? 'Showing the only template' : `Showing all ${rows} templates`);
  await a11y(admin, 'templates-paged');
  await admin.goto(`${base}/admin/hours`);
  await admin.getByRole('heading', { name: 'Expiring in the next 90 days' }).waitFor();
  const expiring = await admin.locator('main tbody tr').count();
  if (expiring) await expectText(admin.locator('.pager-count'), expiring >= 50 ? 'Showing the first 50 badges' : expiring === 1 ? 'Showing the only badge' : `Showing all ${expiring} badges`);
  else await expectText(admin.locator('main'), 'No badge expires in the next 90 days.');
  await admin.context().close();
});
