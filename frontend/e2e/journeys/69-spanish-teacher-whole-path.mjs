// Issue 18's whole path in Spanish: a district gives a microcredential a Spanish wording; a teacher whose language is
// Spanish picks it in the catalogue, proposes it, is approved, submits evidence (the word counter and a refusal shown
// in Spanish), is returned then passed by an assessor, opens the Spanish mail of each decision from the outbox (the
// link opens the tier, in Spanish, also after a reload), downloads the Spanish certificate and opens the badge's page
// in Spanish. Every page it visits is checked at 320 and 1280 px like the Spanish route inventory: <html lang="es">, no
// raw catalogue key, no English of the catalogue, nothing wider than the screen. Uses teacher1, whose language is set
// back to "follow my browser" at the end, so the other journeys see English.
import { readFileSync } from 'node:fs';
import { a11y, base, browser, journey, outbox, PASSWORD, words } from '../harness.mjs';
import { catalogues, spanish } from '../catalogues.mjs';
import { findings, settled, spanishFindings } from '../checks.mjs';

const TEACHER = 'teacher1@demo.cairn.test';
const TITLE = 'Aprendizaje personalizado (bilingüe)';

async function csrf(context) {
  await context.request.get(`${base}/api/v1/auth/providers`);
  return (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
}

async function signedIn(email, locale) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  context.setDefaultTimeout(20_000);
  const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password: PASSWORD }, headers: { 'X-XSRF-TOKEN': await csrf(context) } });
  if (!res.ok()) throw new Error(`sign-in as ${email}: ${res.status()}`);
  return context;
}

async function call(context, method, path, data) {
  const res = await context.request.fetch(`${base}${path}`, { method, data, headers: { 'X-XSRF-TOKEN': await csrf(context), Accept: 'application/json' } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

/** The district's microcredential, again as a family of its own, with a Spanish wording for every text teachers read. */
async function bilingualTemplate(admin) {
  const templates = await call(admin, 'GET', '/api/v1/templates?size=100');
  const parkway = templates.find((t) => t.status === 'PUBLISHED' && /Personalized Learning/.test(t.title));
  const { content } = await call(admin, 'GET', `/api/v1/templates/${parkway.id}`);
  const kinds = { REFLECTION: 'Reflexión escrita', LINKS: 'Fuentes de aprendizaje', ARTIFACTS: 'Archivos de evidencia', VIDEO: 'Video', DATA: 'Datos', PROPOSAL: 'Propuesta' };
  content.title = 'Personalized Learning (bilingual)';
  content.es = {
    title: TITLE,
    summary: 'Diseñe y ponga en práctica el aprendizaje personalizado con sus estudiantes, nivel por nivel.',
    criteria: 'Apruebe cada requisito de cada nivel según la rúbrica.',
    tiers: content.tiers.map((tier, i) => ({ key: tier.key, title: `Nivel ${i + 1}: ${['evidencia de aprendizaje', 'planificación', 'implementación', 'colaboración'][i] ?? 'práctica'}`,
      description: 'Lo que este nivel le pide.',
      requirements: tier.requirements.map((r) => ({ key: r.key, title: kinds[r.kind] ?? 'Evidencia', prompt: 'Escriba en español lo que aprendió y cómo lo aplicó con sus estudiantes.' })) })),
  };
  const draft = await call(admin, 'POST', '/api/v1/templates', content);
  await call(admin, 'POST', `/api/v1/templates/${draft.id}/publish`);
  return { id: draft.id, tier: content.tiers[0], tierTitle: content.es.tiers[0].title };
}

journey('spanish-teacher-whole-path', async () => {
  const { keys, english } = await catalogues();
  const failures = [];
  /** The Spanish route inventory's checks, at 320 and 1280 px, on the page as it is now. */
  const check = async (page, name) => {
    await settled(page);
    const problems = await spanishFindings(page, { keys, english });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: width < 1000 ? 740 : 900 });
      await page.waitForTimeout(50);
      problems.push(...(await findings(page)).problems.map((p) => `${width}px: ${p}`));
    }
    if (problems.length) failures.push(`${name} (${page.url().replace(base, '')}):\n    ${problems.join('\n    ')}`);
  };
  const heading = (page) => page.locator('main h1').first();
  const admin = await signedIn('admin@demo.cairn.test', 'en-US');
  const teacher = await signedIn(TEACHER, 'es-US');
  const assessor = await signedIn('assessor1@demo.cairn.test', 'en-US');
  try {
    const template = await bilingualTemplate(admin);
    // the teacher's language is Spanish: mail and certificates follow it
    await call(teacher, 'PUT', '/api/v1/me/language', { language: 'es' });
    const held = new Set((await call(teacher, 'GET', '/api/v1/me/badges')).map((b) => b.id));
    const page = await teacher.newPage();

    /** The newest mail to the teacher whose subject starts so, its link (to the enrolment or tier) opened in the teacher's browser. */
    const mailLink = async (subjectStart) => {
      let mail;
      for (let i = 0; i < 100 && !mail; i++) {
        mail = outbox().reverse().find((m) => m.to === TEACHER && m.subject.startsWith(subjectStart));
        if (!mail) await page.waitForTimeout(200);
      }
      if (!mail) throw new Error(`no mail "${subjectStart}…" to ${TEACHER}`);
      const subject = mail.subject; // unfolded and decoded by the outbox reader
      if (!subject.startsWith(subjectStart) || !subject.includes(TITLE)) failures.push(`mail subject "${subject}" is not the Spanish one`);
      if (/\b(Hello|Passed|Returned|Your assessor)\b/.test(mail.text)) failures.push(`English in the mail "${subject}"`);
      const link = mail.text.match(/https?:\/\/[^\s"<>]+\/my\/enrollments\/[^\s"<>]+/)?.[0];
      if (!link) throw new Error(`no link to the tier in the mail "${subject}"`);
      return link;
    };

    // the catalogue and the microcredential, in the district's Spanish
    await page.goto(`${base}/catalog`);
    await check(page, 'catalog');
    await page.getByRole('link', { name: TITLE }).first().click();
    await heading(page).filter({ hasText: TITLE }).waitFor();
    await page.getByText(template.tierTitle).first().waitFor();
    await page.getByText(/Una reflexión escrita de \d+-\d+ palabras/).first().waitFor({ state: 'attached' });
    await check(page, 'template');
    await a11y(page, 'template (es, district wording)');

    // a proposal, approved by the district
    await page.getByRole('button', { name: await spanish('template.catalog.startProposal') }).click();
    await page.getByRole('heading', { name: await spanish('enrollment.enrollments.yourProposal') }).waitFor();
    await page.getByRole('button', { name: await spanish('enrollment.enrollments.submit') }).click();
    await page.locator('[data-field="topic"][aria-invalid="true"]').waitFor();
    await check(page, 'proposal refused');
    await page.getByLabel(await spanish('enrollment.enrollments.topic'), { exact: true }).fill('Conferencias de metas con cada estudiante');
    await page.getByLabel(await spanish('enrollment.enrollments.source', { n: 1 })).fill('Hattie, Visible Learning (libro)');
    await page.getByLabel(await spanish('enrollment.enrollments.source', { n: 2 })).fill('Jornada del distrito sobre metas (evento)');
    await page.getByLabel(await spanish('enrollment.enrollments.plan2')).fill('Conferencias semanales de cinco minutos con cada estudiante en dos clases.');
    await page.getByRole('button', { name: await spanish('enrollment.enrollments.submit') }).click();
    await page.getByText(await spanish('enrollment.enrollments.proposed')).first().waitFor();
    await check(page, 'proposal waiting');
    const enrolmentId = new URL(page.url()).pathname.split('/').pop();
    await call(admin, 'POST', `/api/v1/enrollments/${enrolmentId}/decision`, { decision: 'APPROVE', comment: null });
    await mailLink('Su propuesta para '); // names the microcredential in the district's Spanish
    await page.reload();
    await page.getByText(await spanish('enrollment.enrollments.active')).first().waitFor();
    await check(page, 'enrolment in progress');

    // evidence: the word limits in Spanish, a refusal in Spanish, then the tier submitted
    await page.getByRole('link', { name: template.tierTitle }).first().click();
    await heading(page).filter({ hasText: template.tierTitle }).waitFor();
    const tierUrl = page.url();
    const links = template.tier.requirements.find((r) => r.kind === 'LINKS');
    if (links) {
      await page.getByLabel(await spanish('evidence.workspace.linkOrCitation', { n: 1 })).fill('https://www.visiblelearning.com/content/goal-setting');
      await page.getByLabel(await spanish('evidence.workspace.linkOrCitation', { n: 2 })).fill('Hattie, J. (2009). Visible Learning. Routledge.');
      await page.getByRole('button', { name: await spanish('evidence.workspace.saveSources') }).click();
    }
    const reflection = page.getByLabel(await spanish('evidence.workspace.reflection'), { exact: true }).first();
    await reflection.fill(words(120, 'estudiantes'));
    await page.locator('.counter').filter({ hasText: /120 palabras/ }).first().waitFor();
    await page.getByRole('button', { name: await spanish('evidence.workspace.submit') }).click();
    const refusal = page.locator('.form-error, [role=alert]').first();
    await refusal.waitFor();
    const said = (await refusal.textContent()) ?? '';
    if (!/palabras|reflexión|necesita/i.test(said) || /words|needs/i.test(said)) failures.push(`the refusal is not in Spanish: "${said.trim().slice(0, 160)}"`);
    await check(page, 'evidence refused');
    await reflection.fill(words(520, 'estudiantes'));
    await page.locator('.counter.ok').filter({ hasText: /520 palabras/ }).first().waitFor();
    await page.getByRole('button', { name: await spanish('evidence.workspace.submit') }).click();
    await page.getByText(await spanish('evidence.workspace.submitted')).first().waitFor();
    await check(page, 'evidence submitted');

    // the assessor returns it, then passes the second attempt
    const decide = async (outcome, attempt) => {
      const subs = await call(teacher, 'GET', `/api/v1/enrollments/${enrolmentId}/submissions`);
      const sub = subs.find((s) => s.tierKey === template.tier.key);
      const scores = template.tier.requirements.flatMap((r) => r.criteria.map((c) => ({ requirementKey: r.key, criterionKey: c.key,
        level: outcome === 'PASS' ? c.descriptors.length - 1 : 0, feedback: outcome === 'PASS' ? null : 'Nombre la segunda fuente con más detalle.' })));
      await call(assessor, 'POST', `/api/v1/submissions/${sub.id}/decision`, { attempt, outcome, scores, comment: outcome === 'PASS' ? null : 'Casi listo.' });
    };
    await decide('RETURN', 1);

    const returned = await mailLink('Devuelto para revisión: ');
    await page.goto(returned);
    await heading(page).filter({ hasText: template.tierTitle }).waitFor();
    if (new URL(page.url()).pathname !== new URL(tierUrl).pathname) failures.push(`the mail's link opened ${page.url()}, not the tier`);
    await page.reload();
    await heading(page).filter({ hasText: template.tierTitle }).waitFor();
    await page.getByText('Nombre la segunda fuente').first().waitFor();
    await check(page, 'returned tier from the mail');
    await page.getByRole('button', { name: await spanish('evidence.workspace.resubmit') }).click();
    await page.getByText(await spanish('evidence.workspace.submitted')).first().waitFor();
    await decide('PASS', 2);
    const passed = await mailLink('Aprobado: ');
    await page.goto(passed);
    await heading(page).filter({ hasText: template.tierTitle }).waitFor();
    await page.reload();
    await heading(page).filter({ hasText: template.tierTitle }).waitFor();
    await check(page, 'passed tier from the mail');

    // the badge: the certificate in Spanish, the badge's page in Spanish
    let badge;
    for (let i = 0; i < 150 && !badge; i++) {
      badge = (await call(teacher, 'GET', '/api/v1/me/badges')).find((b) => !held.has(b.id));
      if (!badge) await page.waitForTimeout(200);
    }
    if (!badge) throw new Error('the passed tier issued no badge');
    await page.goto(`${base}/my/badges`);
    await check(page, 'my badges');
    const certificate = page.locator(`a[href="${badge.certificateUrl}"]`).first();
    const [download] = await Promise.all([page.waitForEvent('download'), certificate.click()]);
    const pdf = readFileSync(await download.path());
    if (!pdf.toString('latin1').startsWith('%PDF')) throw new Error('the certificate download is not a PDF');
    // the document's title (badge — recipient) is in its information dictionary, in the district's Spanish
    if (!pdfText(pdf).includes(`${TITLE}: ${template.tierTitle}`)) failures.push('the certificate is not titled with the Spanish name');
    await page.goto(`${base}/badge/${badge.id}`);
    await heading(page).filter({ hasText: TITLE }).waitFor();
    await check(page, 'badge page');
    // the badge's shared link (the one in the award mail) opened in her browser, which asks for Spanish: an API request
    // would send no Accept-Language at all, so it is a navigation
    const hosted = await page.goto(`${base}/public/assertions/${badge.id}`);
    const html = await hosted.text();
    if (!html.includes('<html lang="es"') || !html.includes(TITLE)) failures.push('the public badge page is not in Spanish');
  } finally {
    await call(teacher, 'PUT', '/api/v1/me/language', { language: null }).catch(() => {});
    await Promise.all([admin, teacher, assessor].map((c) => c.close()));
  }
  if (failures.length) throw new Error(`${failures.length} problems on the Spanish path:\n  ${failures.join('\n  ')}`);
});

/**
 * The PDF's literal strings, as text: the information dictionary's title among them. A writer puts a string that
 * PDFDocEncoding can hold in single bytes (close to Latin-1) and any other in UTF-16 behind a FE FF mark; either way
 * parentheses and backslashes in it are escaped ("\(bilingüe\)"), so escapes are undone before reading.
 */
function pdfText(pdf) {
  const raw = pdf.toString('latin1');
  const escapes = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const unescape = (s) => s.replace(/\\([0-7]{1,3}|\r?\n|.)/g, (_, e) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8) & 0xff)
    : /^\r?\n$/.test(e) ? '' : escapes[e] ?? e));
  const out = [];
  for (const m of raw.matchAll(/\(((?:\\[\s\S]|[^\\)])*)\)/g)) {
    const text = unescape(m[1]);
    if (!text.startsWith('\xFE\xFF')) { out.push(text); continue; }
    const bytes = Buffer.from(text.slice(2), 'latin1');
    const swapped = Buffer.alloc(bytes.length - (bytes.length % 2));
    for (let i = 0; i + 1 < bytes.length; i += 2) { swapped[i] = bytes[i + 1]; swapped[i + 1] = bytes[i]; }
    out.push(swapped.toString('utf16le'));
  }
  return `${raw}\n${out.join('\n')}`;
}
