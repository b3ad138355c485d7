// A Spanish-speaking reader: a visitor switches the sign-in page to Spanish (kept across a reload and other public
// pages), signs in in Spanish, and stores the choice on the account page; a fresh browser set to English then shows
// the account's Spanish after signing in; choosing "follow my browser" returns to English. Uses assessor2, whom no
// other journey signs in as, so the stored language changes nobody else's pages.
import { base, browser, expectText, journey, PASSWORD } from '../harness.mjs';

const heading = (page) => page.locator('main h1').first();

async function signInAs(page, email, { label, password, button }) {
  await page.getByLabel(label, { exact: true }).fill(email);
  await page.getByLabel(password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

journey('reader-chooses-spanish', async (page) => {
  const email = 'assessor2@demo.cairn.test';
  await page.goto(`${base}/sign-in`);
  await expectText(heading(page), 'Sign in to Cairn');
  // the switch names the other language in that language, on every page, signed in or not
  await page.getByRole('button', { name: 'Ver Cairn en español' }).click();
  await expectText(heading(page), 'Iniciar sesión en Cairn');
  if (await page.evaluate(() => document.documentElement.lang) !== 'es') throw new Error('<html lang> is not "es" after switching');
  await page.reload();
  await expectText(heading(page), 'Iniciar sesión en Cairn');
  await page.goto(`${base}/verify`);
  await expectText(heading(page), 'Verificar una insignia');
  await page.goto(`${base}/sign-in`);
  await signInAs(page, email, { label: 'Correo electrónico', password: 'Contraseña', button: 'Iniciar sesión' });
  await expectText(heading(page), 'Cola de evaluación');

  // stored on the account: the service answers it in /api/v1/me (and mails follow it)
  await page.goto(`${base}/account`);
  await expectText(heading(page), 'Su cuenta');
  await page.getByLabel('Mostrar Cairn en').selectOption('es');
  await page.getByRole('button', { name: 'Guardar', exact: true }).first().click();
  await page.getByText('Idioma guardado.').waitFor();
  const me = await page.evaluate(() => fetch('/api/v1/me', { headers: { Accept: 'application/json' } }).then((r) => r.json()));
  if (me.language !== 'es') throw new Error(`the account's language is ${JSON.stringify(me.language)}, not "es"`);

  // another browser, set to English, nothing chosen in it: the account's Spanish wins once signed in
  const other = await browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 740 } });
  try {
    const p2 = await other.newPage();
    await p2.goto(`${base}/sign-in`);
    await expectText(heading(p2), 'Sign in to Cairn');
    await signInAs(p2, email, { label: 'Email', password: 'Password', button: 'Sign in' });
    await expectText(heading(p2), 'Cola de evaluación');
    await p2.goto(`${base}/account`);
    await p2.getByLabel('Mostrar Cairn en').selectOption('');
    await p2.getByRole('button', { name: 'Guardar', exact: true }).first().click();
    await expectText(heading(p2), 'Your account');
    const after = await p2.evaluate(() => fetch('/api/v1/me', { headers: { Accept: 'application/json' } }).then((r) => r.json()));
    if (after.language !== null && after.language !== undefined) throw new Error(`"follow my browser" stored ${JSON.stringify(after.language)}`);
  } finally {
    await other.close();
  }
});
