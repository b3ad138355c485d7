// The practice library (issue 18): a teacher who passed Parkway's tier 2 (teacher3 in the demo) shares its picture
// as a lesson plan, named and for the district, after the privacy confirmation (the form shows the blur/crop
// reminder, and sharing without the confirmation is refused in words); a colleague (teacher1) finds it by the
// Danielson cluster Professionalism, opens it (the picture is served by the library, inert), saves it and finds it
// under Saved, after a reload too. The pages pass axe at 320, 375 and 1280 px along the way.
import { a11y, base, expectText, journey, signIn } from '../harness.mjs';

const TITLE = `Goal tracker lesson plan ${Date.now()}`;

async function atWidths(page, name) {
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await a11y(page, `${name}-${width}`);
  }
}

journey('practice-library', async (page, context) => {
  await signIn(page, 'teacher3');
  await page.goto(`${base}/practice/share`);
  await page.getByRole('heading', { name: 'Share your practice', level: 1 }).waitFor();
  const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: /^classroom-\d+\.png$/ }) }).first();
  await card.waitFor();
  await atWidths(page, 'practice-share');
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.getByText('Share…').click();
  await expectText(card, 'blur or crop out students’ faces');
  await card.getByLabel('Title colleagues will see').fill(TITLE);
  await card.getByLabel('What it is and how to use it (optional)').fill('A weekly goal tracker wall chart and how the lesson runs.');
  await card.getByLabel('Grade band').selectOption('6-8');
  await card.getByLabel('Subject').selectOption('Mathematics');
  await card.getByLabel('Colleagues in my district').check();
  await card.getByLabel('Show my name').check();
  // without the confirmation the service refuses, in words
  await card.getByRole('button', { name: 'Share in the library' }).click();
  await expectText(card, 'face or name');
  await card.getByLabel('No student’s face or name shows in this piece').check();
  await card.getByRole('button', { name: 'Share in the library' }).click();
  await expectText(card, `as “${TITLE}”, with your name`);
  await context.clearCookies();

  await signIn(page, 'teacher1');
  await page.getByRole('link', { name: 'Practice library' }).first().click();
  await page.getByRole('heading', { name: 'Practice library', level: 1 }).waitFor();
  await atWidths(page, 'practice-library');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel('Danielson cluster', { exact: true }).selectOption('FFT.C6');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('cluster') === 'FFT.C6');
  const found = page.getByRole('link', { name: TITLE });
  await found.waitFor();
  await found.click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await expectText(page.locator('main'), 'Personalized Learning Microcredential');
  await expectText(page.locator('main'), 'Professionalism');
  const img = page.locator('img.practice-image');
  await img.waitFor();
  const served = await page.evaluate(async (src) => {
    const res = await fetch(src);
    return { ok: res.ok, type: res.headers.get('content-type'), nosniff: res.headers.get('x-content-type-options'), csp: res.headers.get('content-security-policy') };
  }, await img.getAttribute('src'));
  if (!served.ok || served.type !== 'image/png' || served.nosniff !== 'nosniff' || !served.csp?.startsWith('sandbox')) {
    throw new Error(`the picture is not served inert: ${JSON.stringify(served)}`);
  }
  await atWidths(page, 'practice-piece');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
  await page.goto(`${base}/practice/saved`);
  await page.getByRole('link', { name: TITLE }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: TITLE }).waitFor();
  await atWidths(page, 'practice-saved');
});
