import { a11y, base, expectText, journey, signIn } from '../harness.mjs';

// The teacher whose tier was returned and then passed sees the unread count in the header, reads the inbox and
// marks everything read; the count goes away and stays away after a reload.
journey('teacher-reads-notifications', async (page) => {
  await signIn(page, 'teacher');
  const link = page.getByRole('link', { name: /^Notifications \d+ unread$/ });
  await link.waitFor();
  const unread = Number((await link.innerText()).match(/(\d+)/)[1]);
  await link.click();
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
  await expectText(page.locator('p.meta[aria-live]'), `${unread} unread`);
  // a page at a time; "unread of" counts the whole inbox
  const total = Number((await page.locator('p.meta[aria-live]').innerText()).match(/of (\d+)/)[1]);
  await expectText(page.locator('.pager-count'), total > 50 ? 'Showing the first 50 notifications' : total === 1 ? 'Showing the only notification' : `Showing all ${total} notifications`);
  await a11y(page, 'notifications');
  // one by one, then the rest at once
  await page.getByRole('button', { name: /^Mark “.*” as read$/ }).first().click();
  await expectText(page.locator('p.meta[aria-live]'), `${unread - 1} unread`);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expectText(page.locator('p.meta[aria-live]'), '0 unread');
  await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  await page.reload();
  await expectText(page.locator('p.meta[aria-live]'), '0 unread');
  // the choice of what comes by email is saved
  await page.getByRole('group', { name: 'By email' }).getByRole('checkbox').first().uncheck();
  await page.getByRole('button', { name: 'Save notification choices' }).click();
  await expectText(page.locator('#toast'), 'Notification choices saved');
  await page.reload();
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
  if (await page.getByRole('group', { name: 'By email' }).getByRole('checkbox').first().isChecked()) throw new Error('email choice not saved');
  await page.goto(`${base}/notifications`);
});
