// Every link in every mail in the outbox (the service writes each mail to <data-dir>/outbox/*.eml) opens the right
// page for its reader: signed out, a private page asks them to sign in and then lands on it; a public page (an
// invitation, a password reset) opens as is. Never "Page not found".
import { base, browser, journey, outbox, PASSWORD, TEACHER } from '../harness.mjs';

const DEAD_ENDS = ['Page not found', 'Not found', 'Not available to you', 'Something went wrong'];
/** Pages a signed-out reader opens without signing in. */
const PUBLIC = [/^\/invitations\//, /^\/password-resets\//, /^\/badge\//, /^\/portfolio\//, /^\/verify/, /^\/sign-in/];

/** The reader's password, when the journeys know it. */
const passwordOf = (email) => (email === TEACHER.email ? TEACHER.password : /@demo\.cairn\.test$/.test(email) ? PASSWORD : null);

async function heading(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main && !main.hasAttribute('aria-busy') && !main.querySelector('.skeleton') && main.querySelector('h1');
  }, null, { timeout: 15_000 });
  return (await page.locator('main h1').first().textContent()).trim();
}

journey('mail-links-open-the-right-page', async () => {
  const mails = outbox();
  if (mails.length === 0) throw new Error('the outbox is empty: the journeys before this one send mail');
  const origin = new URL(base).origin;
  const failures = [];
  let followed = 0;
  const kinds = new Set();
  for (const mail of mails) {
    const links = [...new Set(mail.text.match(/https?:\/\/[^\s"<>]+/g) ?? [])].filter((u) => u.startsWith(origin));
    for (const link of links) {
      const path = new URL(link).pathname;
      kinds.add(path.split('/').slice(0, 3).join('/').replace(/[A-Za-z0-9_-]{16,}/, '{id}'));
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      try {
        if (path.startsWith('/public/')) {
          // a public Open Badges document (the server-rendered badge page, its certificate): no sign-in, no app shell
          const response = await page.request.get(link, { headers: { Accept: 'text/html,application/pdf;q=0.9' } });
          if (response.status() !== 200) throw new Error(`answered ${response.status()}`);
          const body = await response.body();
          if (path.endsWith('.pdf')) {
            if (body.subarray(0, 5).toString() !== '%PDF-') throw new Error('is not a PDF');
          } else {
            await page.goto(link);
            const title = (await page.locator('h1').first().textContent()).trim();
            if (DEAD_ENDS.includes(title) || !title) throw new Error(`shows "${title}"`);
          }
          followed++;
          continue;
        }
        await page.goto(link);
        const isPublic = PUBLIC.some((r) => r.test(path));
        let h1 = await heading(page);
        if (!isPublic) {
          const url = new URL(page.url());
          if (url.pathname !== '/sign-in' || url.searchParams.get('next') !== path) {
            throw new Error(`signed out, it opened ${url.pathname}${url.search} instead of asking to sign in first`);
          }
          const password = passwordOf(mail.to);
          if (!password) continue; // a reader whose password the journeys do not know: the sign-in step is what we can check
          await page.getByLabel('Email').fill(mail.to);
          await page.getByLabel('Password').fill(password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.waitForURL((u) => u.pathname !== '/sign-in');
          h1 = await heading(page);
          if (new URL(page.url()).pathname !== path) throw new Error(`after signing in it landed on ${new URL(page.url()).pathname}`);
        }
        if (DEAD_ENDS.includes(h1)) throw new Error(`shows "${h1}"`);
        followed++;
      } catch (e) {
        failures.push(`"${mail.subject}" to ${mail.to}: ${link}: ${e.message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  }
  if (failures.length) throw new Error(`${failures.length} mail links fail:\n  ${failures.join('\n  ')}`);
  if (followed === 0) throw new Error('no mail link was followed');
  if (![...kinds].some((k) => k.startsWith('/my/enrollments'))) throw new Error(`no decision mail was followed (links: ${[...kinds].join(', ')})`);
});
