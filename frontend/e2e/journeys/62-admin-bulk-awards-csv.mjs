import { a11y, base, expectText, journey, outbox, shared, signIn } from '../harness.mjs';

// The admin awards the microcredential published earlier to two people from a CSV file: a bad row first (named, nobody
// awarded), then the fixed file; each recipient's mail arrives in the outbox and its links open the badge and the PDF.
journey('admin-bulk-awards-csv', async (page) => {
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/badges`);
  await page.getByRole('heading', { name: 'Award a badge to many people' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download an example file' }).click()]);
  if (!(await download.suggestedFilename()).endsWith('.csv')) throw new Error('the example is not a CSV file');
  const title = shared.restorativeId ? 'Restorative Circles' : null;
  const micro = page.getByLabel('Microcredential', { exact: true });
  if (title) await micro.selectOption({ label: title }); else await micro.selectOption({ index: 1 });
  await page.getByLabel('Badge', { exact: true }).locator('option:not([value=""])').first().waitFor({ state: 'attached' });
  const bad = 'email,name\ndana.cole@e2e.example.org,Dana Cole\nnot an address,Eli Park\n';
  await page.getByLabel('Recipients file (CSV)').setInputFiles({ name: 'recipients.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Award', exact: true }).click();
  await expectText(page.getByRole('alert').filter({ hasText: 'Nobody was awarded yet' }), 'Row 3: "not an address" is not an email address.');
  await a11y(page, 'bulk-errors');
  await page.getByLabel('Recipients file (CSV)').setInputFiles({ name: 'recipients.csv', mimeType: 'text/csv',
    buffer: Buffer.from(bad.replace('not an address', 'eli.park@e2e.example.org')) });
  await page.getByRole('button', { name: 'Award', exact: true }).click();
  await expectText(page.getByRole('status'), 'Awarded to 2 of 2.');

  let mail;
  for (let i = 0; i < 40 && !mail; i++) {
    mail = outbox().find((m) => m.to === 'dana.cole@e2e.example.org' && m.subject.startsWith('You earned'));
    if (!mail) await page.waitForTimeout(250);
  }
  if (!mail) throw new Error('no award mail for Dana in the outbox');
  // the links carry the language the mail is written in, so the page opens in it
  const badgeUrl = mail.text.match(/https?:\/\/\S+\/public\/assertions\/[A-Za-z0-9_-]+\?lang=en(?=\s)/)?.[0];
  const pdfUrl = mail.text.match(/https?:\/\/\S+\/certificate\.pdf\?lang=en(?=\s)/)?.[0];
  if (!badgeUrl || !pdfUrl) throw new Error('the award mail has no badge or certificate link in English: ' + mail.text);
  await page.goto(badgeUrl);
  await expectText(page.locator('body'), 'Dana Cole');
  const pdf = await page.request.get(pdfUrl);
  if (pdf.headers()['content-type'] !== 'application/pdf' || !(await pdf.body()).subarray(0, 4).equals(Buffer.from('%PDF'))) throw new Error('the certificate link does not give a PDF');
});
