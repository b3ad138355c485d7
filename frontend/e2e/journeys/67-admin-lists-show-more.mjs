import { a11y, base, expectText, fitsNarrow, journey, signIn } from '../harness.mjs';

// Lists that grow with a district come a page (50) at a time: the admin imports 60 more people, the list shows the
// first 50 and "Show more people" appends the next ones; a reload and a trip back keep as many shown; it reads
// well at 320 px. The people page's cards page the same way.
journey('admin-lists-show-more', async (page) => {
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/people/roles`);
  await page.getByRole('heading', { name: 'People and roles' }).waitFor();
  const csv = 'Name,Email,Role\r\n' + Array.from({ length: 60 }, (_, i) =>
    `Paged Person ${String(i).padStart(2, '0')},paged.${String(i).padStart(2, '0')}@e2e-pages.example.org,teacher`).join('\r\n') + '\r\n';
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import and send invitations' }).click();
  await expectText(page.getByRole('status'), '60 people invited');

  await page.reload();
  const rows = page.locator('main tbody tr');
  await expectText(page.locator('.pager-count'), 'Showing the first 50 people');
  if (await rows.count() !== 50) throw new Error(`first page: ${await rows.count()} rows, expected 50`);
  const firstPage = await rows.allInnerTexts();
  await a11y(page, 'people-roles-first-page');

  await page.getByRole('button', { name: 'Show more people' }).click();
  await page.waitForFunction(() => document.querySelectorAll('main tbody tr').length > 50);
  const bothPages = await rows.allInnerTexts();
  if (JSON.stringify(bothPages.slice(0, 50)) !== JSON.stringify(firstPage)) throw new Error('the first page changed when the next one came');
  if (new Set(bothPages).size !== bothPages.length) throw new Error('a person is listed twice after "Show more"');
  if (!new URL(page.url()).searchParams.get('shown')) throw new Error(`the URL does not keep how many pages are shown: ${page.url()}`);
  await expectText(page.locator('.pager-count'), `${bothPages.length} people`);

  // the search applies to everyone shown, the second page too
  const last = bothPages.at(-1).match(/[\w.+-]+@[\w.-]+/)[0];
  await page.getByLabel('Search').fill(last);
  await page.waitForFunction(() => document.querySelectorAll('main tbody tr').length === 1);
  await page.getByLabel('Search').fill('');

  // a reload, and coming back, show as many again
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('main tbody tr').length === n, bothPages.length);
  await page.getByRole('link', { name: '← People' }).click();
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('main tbody tr').length === n, bothPages.length);

  await page.setViewportSize({ width: 320, height: 700 });
  await fitsNarrow(page, 'people and roles with two pages at 320 px');

  // the people page: cards, a page at a time
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/admin/people`);
  const cards = page.locator('main ul.people > li');
  await cards.first().waitFor();
  if (await cards.count() !== 50) throw new Error(`people page: ${await cards.count()} cards, expected 50`);
  await page.getByRole('button', { name: 'Show more people' }).click();
  await page.waitForFunction(() => document.querySelectorAll('main ul.people > li').length > 50);
  await page.setViewportSize({ width: 375, height: 740 });
  await fitsNarrow(page, 'people with two pages at 375 px');
});
