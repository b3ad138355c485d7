import { Skip, a11y, base, expectText, journey, signIn } from '../harness.mjs';

// The admin creates a read-only personal access token on the account page, copies it, uses it, and revokes it.
journey('account-token', async (page) => {
  page.on('dialog', (d) => void d.accept());
  await signIn(page, 'admin');
  await page.locator('header .who a[href="/account"]').click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await a11y(page, 'account');
  // nothing named, nothing ticked: said next to the fields
  await page.getByLabel('Read', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Create token' }).click();
  await expectText(page.locator('.field-error'), 'Give the token a name');
  await page.getByLabel('Token name').fill('HR export');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expectText(page.locator('.field-error'), 'Tick at least one thing');
  await page.getByLabel('Read', { exact: true }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const outcome = await Promise.race([
    page.getByLabel('Your new token').waitFor().then(() => 'created'),
    page.locator('.form-error').waitFor().then(() => 'refused')]);
  if (outcome === 'refused') {
    const text = await page.locator('.form-error').innerText();
    if (/scopes|Malformed/i.test(text)) throw new Skip(`token scopes arrive with feature/outbound-privilege: ${text}`);
    throw new Error(text);
  }
  const token = await page.getByLabel('Your new token').inputValue();
  if (!token.startsWith('cairn_pat_')) throw new Error(`token ${token.slice(0, 12)}…`);
  // as a script would call: the token alone, no browser cookie
  const me = await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  if (!me.ok) throw new Error(`the token does not work: ${me.status}`);
  await expectText(page.locator('.tokens'), 'Read');
  await page.getByRole('button', { name: 'Revoke “HR export”' }).click();
  await page.getByRole('button', { name: 'Revoke “HR export”' }).waitFor({ state: 'detached' });
  const after = await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  if (after.status !== 401) throw new Error(`a revoked token still answers ${after.status}`);
});
