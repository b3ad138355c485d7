import { a11y, base, expectText, fitsNarrow, journey, signIn } from '../harness.mjs';

// The demo's neighbouring district endorses a demo badge with a comment; the demo district accepts it; the public
// badge page shows it with the endorser's name (the comment as text, never HTML); the verify page lists it as
// verified; the endorser withdraws it and it is gone from the page.
journey('districts-endorse-accept-show-withdraw', async (page, context) => {
  const comment = '<b>Great</b> rubric & evidence <img src=x onerror=alert(1)>';
  await signIn(page, 'maple.admin');
  await page.goto(`${base}/admin/endorsements`);
  await page.getByRole('heading', { name: 'Endorsements', level: 1 }).waitFor();
  await a11y(page, 'endorsements-empty');
  const picker = page.getByLabel('A Cairn district’s badge');
  const labels = await picker.locator('option').allInnerTexts();
  const badgeLabel = labels.find((l) => l.startsWith('Cairn Demo District: '));
  if (!badgeLabel) throw new Error(`no demo badge offered: ${labels.join(' | ')}`);
  const badgeName = badgeLabel.slice('Cairn Demo District: '.length);
  await picker.selectOption({ label: badgeLabel });
  await page.getByLabel('Your comment').fill(comment);
  await page.getByRole('button', { name: 'Endorse', exact: true }).click();
  await expectText(page.getByRole('status').filter({ hasText: 'You endorsed' }), `You endorsed “${badgeName}”`);
  const sent = page.getByRole('list', { name: 'Endorsements you gave' }).getByRole('listitem').first();
  await expectText(sent, 'Waiting for their decision');
  await expectText(sent.locator('blockquote'), comment);
  // endorsing it again (a double click, a retry) adds nothing
  await picker.selectOption({ label: badgeLabel });
  await page.getByRole('button', { name: 'Endorse', exact: true }).click();
  await expectText(page.getByRole('status').filter({ hasText: 'You endorsed' }), 'You endorsed');
  if ((await page.getByRole('list', { name: 'Endorsements you gave' }).getByRole('listitem').count()) !== 1) throw new Error('a retried endorsement was listed twice');
  await a11y(page, 'endorsements-sent');

  // the demo district accepts it
  const demo = await context.browser().newContext();
  const dp = await demo.newPage();
  await signIn(dp, 'admin');
  await dp.getByRole('link', { name: 'Endorsements' }).click();
  await dp.getByRole('heading', { name: 'Endorsements', level: 1 }).waitFor();
  const incoming = dp.getByRole('list', { name: 'Endorsements of your district' }).getByRole('listitem').first();
  await expectText(incoming, `Maple Ridge School District endorsed ${badgeName}`);
  if (await incoming.locator('blockquote img, blockquote b').count()) throw new Error('the comment was rendered as HTML');
  await expectText(incoming.locator('blockquote'), comment);
  await a11y(dp, 'endorsements-incoming');
  await incoming.getByRole('button', { name: 'Accept endorsement from Maple Ridge School District' }).click();
  await expectText(dp.getByRole('list', { name: 'Endorsements of your district' }).getByRole('listitem').first(), 'Accepted: shown on your badge pages.');

  // shown on the public page of a badge of that badge class, with the endorser's name
  const target = await dp.evaluate(async () => (await (await fetch('/api/v1/endorsements/incoming')).json())[0].target);
  const assertions = await dp.evaluate(async () => (await (await fetch('/api/v1/assertions?size=200')).json()));
  const badge = assertions.find((a) => a.badgeClassUrl === target && !a.revoked);
  if (!badge) throw new Error(`no current demo badge of ${target}`);
  const visitor = await context.browser().newContext();
  const vp = await visitor.newPage();
  await vp.goto(`${base}/badge/${badge.id}`);
  await vp.locator('.public-badge h1').waitFor();
  const endorsed = vp.locator('.public-badge ul.endorsements li');
  await expectText(endorsed.first(), 'Maple Ridge School District');
  await expectText(endorsed.first().locator('blockquote'), comment);
  if (await endorsed.locator('img, b').count()) throw new Error('the comment was rendered as HTML on the public page');
  await a11y(vp, 'public-badge-endorsed');
  await vp.setViewportSize({ width: 320, height: 740 });
  await fitsNarrow(vp, 'public badge with an endorsement at 320px');

  // the verify page lists the endorsement, verified
  await vp.getByRole('link', { name: 'Verify this badge' }).click();
  const listed = vp.locator('ul.endorsements li').first();
  await expectText(listed, 'Endorsed by Maple Ridge School District; the endorsement verifies.');
  await a11y(vp, 'verify-endorsed');

  // withdrawn by the endorser: gone from the public page
  await page.reload();
  await page.getByRole('button', { name: `Withdraw endorsement of ${badgeName}` }).click();
  await expectText(page.getByRole('list', { name: 'Endorsements you gave' }).getByRole('listitem').first(), 'Withdrawn on');
  await vp.setViewportSize({ width: 1280, height: 900 });
  await vp.goto(`${base}/badge/${badge.id}`);
  await vp.locator('.public-badge h1').waitFor();
  if (await vp.locator('.public-badge ul.endorsements').count()) throw new Error('a withdrawn endorsement is still shown');
  await dp.reload();
  await expectText(dp.getByRole('list', { name: 'Endorsements of your district' }).getByRole('listitem').first(), 'Maple Ridge School District withdrew it.');
  await demo.close();
  await visitor.close();
});
