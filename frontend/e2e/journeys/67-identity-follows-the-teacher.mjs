// Issue 17, identity that follows the teacher: a demo teacher adds a personal address in "Your account", opens the
// verification link from the mail outbox (and reloads it), re-issues a badge to it from "My badges", and a visitor
// verifies the new badge on /verify with that address. The administrator then marks the teacher as having left the
// district (and filters "left the district"); the teacher signs in with the personal address, sees their badges
// read-only and downloads one. Every page of the former teacher is checked at 320, 375 and 1280 px with axe.
import { readFileSync } from 'node:fs';
import { a11y, base, expectText, fitsNarrow, journey, outbox, PASSWORD, signIn } from '../harness.mjs';

const PERSONAL = 'jordan.home@example.net';

function mailedLink(to, path) {
  const mail = outbox().reverse().find((m) => m.to === to && m.text.includes(path));
  if (!mail) throw new Error(`no mail with ${path} to ${to} in the outbox`);
  return mail.text.match(new RegExp(`https?://[^\\s"<>]+${path}[A-Za-z0-9_-]+`))[0];
}

async function settle(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main && !main.hasAttribute('aria-busy') && !main.querySelector('.skeleton') && main.querySelector('h1');
  }, null, { timeout: 15_000 });
}

async function everyWidth(page, name) {
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: width < 1000 ? 740 : 900 });
    await page.waitForTimeout(50);
    await fitsNarrow(page, `${name} at ${width}px`);
    if (width === 375) await a11y(page, name);
  }
}

journey('identity-follows-the-teacher', async (page, context) => {
  await signIn(page, 'teacher2');
  const mine = await (await page.request.get(`${base}/api/v1/me/badges`)).json();
  const badge = mine.find((a) => !a.revoked);
  if (!badge) throw new Error('the demo teacher2 holds no current badge');

  // add the personal address; the link goes to it
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: 'Email addresses' }).waitFor();
  await page.getByLabel('Another address').fill(PERSONAL);
  await page.getByRole('button', { name: 'Add address' }).click();
  await expectText(page.getByRole('status'), `We sent a link to ${PERSONAL}`);
  await expectText(page.locator('.addresses'), 'waiting for you to open the link');
  await everyWidth(page, 'account-email-addresses');

  // open the link from the mail (signed in, as a teacher would in the same browser), verify, reload: still verified
  await page.goto(mailedLink(PERSONAL, '/verify-address/'));
  await page.getByRole('heading', { name: 'Verify your address' }).waitFor();
  await everyWidth(page, 'verify-address');
  await page.getByRole('button', { name: 'Verify this address' }).click();
  await page.getByRole('heading', { name: 'Address verified' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Address verified' }).waitFor();

  // re-issue the badge to it
  await page.goto(`${base}/my/badges`);
  await page.getByRole('heading', { name: 'My badges' }).waitFor();
  const card = page.locator('.card', { has: page.locator(`a[href="/badge/${badge.id}"]`) });
  await card.getByText('Re-issue to…').click();
  await card.getByLabel('Address').selectOption(PERSONAL);
  await card.getByRole('button', { name: 'Re-issue' }).click();
  await page.locator('.card', { hasText: 'Re-issued to another of your addresses' }).waitFor();
  await everyWidth(page, 'my-badges-reissued');
  const after = await (await page.request.get(`${base}/api/v1/me/badges`)).json();
  const fresh = after.find((a) => a.replaces === badge.id);
  if (!fresh || fresh.recipientEmail !== PERSONAL) throw new Error(`no re-issued badge to ${PERSONAL}: ${JSON.stringify(after)}`);
  if (!after.find((a) => a.id === badge.id)?.revoked) throw new Error('the old badge was not revoked');

  // a visitor verifies the new badge with the personal address
  const visitor = await context.browser().newContext();
  const vp = await visitor.newPage();
  await vp.goto(`${base}/verify`);
  await vp.getByLabel('…or paste a badge URL, JWS or assertion JSON').fill(fresh.jws ?? fresh.url);
  await vp.getByLabel('Recipient email to check (optional)').fill(PERSONAL);
  await vp.getByRole('button', { name: 'Verify' }).click();
  await expectText(vp.locator('.verdict'), 'Valid badge');
  await expectText(vp.locator('.verdict'), 'matches the email you gave');
  await visitor.close();

  // the administrator marks the teacher as having left the district
  await context.clearCookies();
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/people`);
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
  const row = page.locator('li.card', { hasText: 'teacher2@demo.cairn.test' });
  // the list comes 50 at a time (other journeys import more people): show more until the teacher is there
  for (let i = 0; i < 20 && !(await row.count()); i++) {
    const more = page.getByRole('button', { name: 'Show more people' });
    if (!(await more.count())) break;
    await more.click();
    await page.waitForTimeout(300);
  }
  await row.locator('summary').click();
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Mark as left the district' }).click();
  await expectText(page.locator('li.card', { hasText: 'teacher2@demo.cairn.test' }).locator('.meta'), 'left the district');
  await page.getByRole('link', { name: 'Show only people who left the district' }).click();
  await page.getByRole('heading', { name: /left the district/ }).waitFor();
  await expectText(page.locator('li.card'), 'teacher2@demo.cairn.test');
  await everyWidth(page, 'admin-people-left');
  await page.reload();
  await page.getByRole('heading', { name: /left the district/ }).waitFor();

  // the former teacher signs in with the personal address: their badges, read-only
  await context.clearCookies();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(PERSONAL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/my/badges');
  await page.getByRole('heading', { name: 'My badges' }).waitFor();
  await expectText(page.getByRole('status'), 'You have left your district');
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (await nav.getByRole('link', { name: 'Catalog' }).count()) throw new Error('a former teacher is offered the catalog');
  await settle(page);
  await everyWidth(page, 'former-teacher-my-badges');
  const freshCard = page.locator('.card', { has: page.locator(`a[href="/badge/${fresh.id}"]`) });
  const [download] = await Promise.all([page.waitForEvent('download'),
    freshCard.getByRole('link', { name: 'Download PDF certificate' }).click()]);
  if (!readFileSync(await download.path()).subarray(0, 5).toString().startsWith('%PDF')) throw new Error('the certificate is not a PDF');
  for (const path of ['/my/hours', '/account']) {
    await page.goto(`${base}${path}`);
    await settle(page);
    await everyWidth(page, `former-teacher${path.replace('/', '-')}`);
  }
  // nothing else changes: the service says so in words
  const refused = await page.request.post(`${base}/api/v1/enrollments`, {
    data: { templateId: 'x' },
    headers: { 'X-XSRF-TOKEN': (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '' },
  });
  if (refused.status() !== 403 || !(await refused.text()).includes('left the district')) throw new Error(`a former teacher's change answered ${refused.status()}`);

  // the sign-in-by-link page, signed out
  await context.clearCookies();
  await page.goto(`${base}/sign-in/link`);
  await page.getByRole('heading', { name: 'Sign in with a link' }).waitFor();
  await everyWidth(page, 'sign-in-link');

  // the teacher comes back: the administrator says so, and the district address signs in again with its roles
  // (later journeys work as this demo teacher too)
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/people?left=1`);
  const back = page.locator('li.card', { hasText: 'teacher2@demo.cairn.test' });
  await back.locator('summary').click();
  await back.getByRole('button', { name: 'Mark as back in the district' }).click();
  await back.waitFor({ state: 'detached' });
  await context.clearCookies();
  await signIn(page, 'teacher2');
  const me = await (await page.request.get(`${base}/api/v1/me`)).json();
  if (me.departed || !(me.roles ?? []).includes('TEACHER')) throw new Error(`teacher2 is not back: ${JSON.stringify(me)}`);
});
