import { a11y, base, expectText, journey, outbox, signIn } from '../harness.mjs';

const GOOD = 'Name,Email,Role,School,Years\r\n"Lopez, Ana",ana.lopez@e2e.example.org,teacher,Maple Elementary,4\r\n';
const BAD_ROW = 'Bo Chen,bo chen at oak,teacher; coach,Oak Middle,12\r\n';

// The admin imports a roster with one bad row: nobody is imported and row 3 is named in words; the fixed file invites
// both, each by email; the example file downloads.
journey('admin-imports-roster', async (page) => {
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/people`);
  await page.getByRole('link', { name: /roles at a glance/ }).click();
  await page.getByRole('heading', { name: 'People and roles' }).waitFor();
  await a11y(page, 'people-roles');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download an example file' }).click()]);
  const example = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  if (!example.startsWith('email,name,role')) throw new Error(`example file: ${example.slice(0, 60)}`);

  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD + BAD_ROW) });
  await page.getByRole('button', { name: 'Import and send invitations' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Nobody was imported' });
  await expectText(problems, 'Row 3: "bo chen at oak" is not an email address.');
  await a11y(page, 'roster-errors');

  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv',
    buffer: Buffer.from(GOOD + BAD_ROW.replace('bo chen at oak', 'bo.chen@e2e.example.org')) });
  await page.getByRole('button', { name: 'Import and send invitations' }).click();
  await expectText(page.getByRole('status'), '2 people invited, 0 already in your district.');
  // again: nobody twice
  await page.getByRole('button', { name: 'Import and send invitations' }).click();
  await expectText(page.getByRole('status'), '0 people invited, 2 already in your district.');
  const mails = outbox().filter((m) => m.to === 'bo.chen@e2e.example.org' && m.text.includes('/invitations/'));
  if (mails.length !== 1) throw new Error(`expected one invitation for Bo, found ${mails.length}`);

  // learning plans' supervisors: an unknown one is named on its row; the fixed file says who approves which school
  const SUPERVISED = 'Name,Email,Role,School,Supervisor\r\nPat Park,pat.park@e2e.example.org,admin,Birch Elementary,yes\r\n';
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv',
    buffer: Buffer.from(SUPERVISED + 'Cal Cruz,cal.cruz@e2e.example.org,teacher,Birch Elementary,nobody@e2e.example.org\r\n') });
  await page.getByRole('button', { name: 'Import and send invitations' }).click();
  await expectText(page.getByRole('alert').filter({ hasText: 'Nobody was imported' }),
    'Row 3: "nobody@e2e.example.org" (the supervisor) is not in your district or in this file.');
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv',
    buffer: Buffer.from(SUPERVISED + 'Cal Cruz,cal.cruz@e2e.example.org,teacher,Birch Elementary,\r\n') });
  await page.getByRole('button', { name: 'Import and send invitations' }).click();
  await expectText(page.getByRole('status'), '2 people invited, 0 already in your district.');
  await expectText(page.locator('.row-results').last(), 'Row 2: pat.park@e2e.example.org approves the learning plans of Birch Elementary.');

  await page.reload();
  await page.getByLabel('Search').fill('oak middle');
  const row = page.getByRole('row').filter({ hasText: 'bo.chen@e2e.example.org' });
  await expectText(row, 'invited');
  await expectText(page.locator('p.meta[aria-live]'), '1 of');
});
