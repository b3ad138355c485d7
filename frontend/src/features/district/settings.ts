// District settings in one page, one form per concern so a mistake in one never loses another: the district (name,
// colour, logo), the money (fiscal year, budget), issuing (default verification, certificate signatory), sign-in
// providers (configured by IT; shown here), webhooks and the issuers the district recognises.
import { money } from '../../core/format';
import { ApiError, api } from '../../core/http';
import { busy, field, h, input, select, showError, status, textarea, toast } from '../../ui';

interface District {
  name: string; url: string; email: string; description?: string; logo?: string; brandColor?: string; timeZone: string;
  fiscalYearStartMonth: number; budgetCents: number; autoApproveProposals: boolean; allowCoachAsAssessor: boolean; maxUploadBytes: number;
}
interface Issuing { defaultMode: 'HOSTED' | 'SIGNED'; showStipend: boolean; showHours: boolean; signatoryName?: string; signatoryTitle?: string; issuerUrl: string }
interface Webhook { id: string; url: string; createdAt: string }
interface Provider { id: string; name: string; districtSlug?: string }
interface Trusted { id: string; issuerId: string; name?: string; note?: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The service's limit for the logo (a data: URI under 400,000 characters, embedded in every issuer profile). */
const MAX_LOGO_BYTES = 290 * 1024;

export async function settings(): Promise<Node> {
  const [district, issuing, hooks, providers, trusted] = await Promise.all([
    api.get<District>('/api/v1/district'), api.get<Issuing>('/api/v1/issuing/settings'), api.get<Webhook[]>('/api/v1/webhooks'),
    api.get<Provider[]>('/api/v1/auth/providers').catch((): Provider[] => []), api.get<Trusted[]>('/api/v1/district/trusted-issuers').catch((): Trusted[] => [])]);
  const d = { ...district };
  const section = h('section', { class: 'narrow' });

  // ---- the district as people see it
  const name = input({ value: d.name, maxlength: 200 });
  const url = input({ value: d.url, type: 'url' });
  const email = input({ value: d.email, type: 'email' });
  const color = input({ value: d.brandColor ?? '#1f6f5c', type: 'color' });
  const logoFile = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/svg+xml' });
  const logoNote = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const logoPreview = h('div', {}, d.logo ? h('img', { src: d.logo, alt: 'Current logo', height: 48 }) : h('p', { class: 'meta' }, 'No logo yet.'));
  logoFile.addEventListener('change', () => {
    const f = logoFile.files?.[0];
    if (!f) return;
    if (f.size > MAX_LOGO_BYTES) { logoNote.textContent = `“${f.name}” is ${Math.round(f.size / 1024)} KB; a logo can be at most ${Math.round(MAX_LOGO_BYTES / 1024)} KB.`; logoFile.value = ''; return; }
    logoNote.textContent = '';
    const r = new FileReader();
    r.onload = () => { d.logo = String(r.result); logoPreview.replaceChildren(h('img', { src: d.logo, alt: 'New logo', height: 48 })); };
    r.readAsDataURL(f);
  });
  const identity = form('district-h', 'Your district', [
    field('District name', name, { name: 'name' }), field('Website', url, { name: 'url' }), field('Contact email', email, { name: 'email' }),
    field('Brand color', color, { name: 'brandColor', hint: 'Used on certificates and badge pages.' }),
    h('div', { class: 'field', 'data-field': 'logo' }, logoPreview, field('Logo (PNG, JPEG or SVG)', logoFile), logoNote)],
  'Save district', async () => {
    Object.assign(d, { name: name.value.trim(), url: url.value.trim(), email: email.value.trim(), brandColor: color.value });
    Object.assign(district, await api.put<District>('/api/v1/district', d));
    toast('District saved');
  });

  // ---- money
  const month = select(MONTHS.map((m, i): [string, string] => [String(i + 1), m]), {}, String(d.fiscalYearStartMonth));
  const budget = input({ type: 'number', min: 0, step: 1, value: String(Math.round(d.budgetCents / 100)), inputmode: 'numeric' });
  const budgetNote = h('p', { class: 'hint', 'aria-live': 'polite' }, `${money(d.budgetCents)} a year.`);
  budget.addEventListener('input', () => { budgetNote.textContent = budget.value ? `${money(Math.round(Number(budget.value) * 100))} a year.` : ''; });
  const auto = h('input', { type: 'checkbox', checked: d.autoApproveProposals });
  const coach = h('input', { type: 'checkbox', checked: d.allowCoachAsAssessor });
  const budgetForm = form('budget-h', 'Fiscal year and budget', [
    field('Fiscal year starts in', month, { name: 'fiscalYearStartMonth' }),
    field('Professional learning budget per year, in dollars', budget, { name: 'budgetCents' }), budgetNote,
    field('Approve proposals automatically (the budget is still committed)', auto, { name: 'autoApproveProposals' }),
    field('A teacher’s own coach may assess them', coach, { name: 'allowCoachAsAssessor' })],
  'Save budget', async () => {
    const dollars = Number(budget.value);
    if (!budget.value.trim() || !Number.isFinite(dollars) || dollars < 0) throw new ApiError(422, 'Check the budget', '', '', [{ field: 'budgetCents', message: 'Enter the budget in whole dollars, e.g. 25000.' }]);
    Object.assign(d, { fiscalYearStartMonth: Number(month.value), budgetCents: Math.round(dollars * 100), autoApproveProposals: auto.checked, allowCoachAsAssessor: coach.checked });
    Object.assign(district, await api.put<District>('/api/v1/district', d));
    toast('Budget saved');
  });

  // ---- issuing and the certificate
  const mode = select([['HOSTED', 'Hosted: checked at Cairn’s address (can be revoked at once)'], ['SIGNED', 'Signed: carries the district’s digital signature']], {}, issuing.defaultMode);
  const stipend = h('input', { type: 'checkbox', checked: issuing.showStipend });
  const hours = h('input', { type: 'checkbox', checked: issuing.showHours });
  const signer = input({ value: issuing.signatoryName ?? '', maxlength: 120, placeholder: 'e.g. Dr. Maria Alvarez' });
  const signerTitle = input({ value: issuing.signatoryTitle ?? '', maxlength: 120, placeholder: 'e.g. Superintendent' });
  const issuingForm = form('issuing-h', 'Badges and certificates', [
    field('How new badges are verified', mode, { name: 'defaultMode' }),
    field('Certificates show the stipend', stipend, { name: 'showStipend' }), field('Certificates show the hours', hours, { name: 'showHours' }),
    field('Signed by (name)', signer, { name: 'signatoryName', hint: 'Printed under a signature line on every certificate. Leave empty for none.' }),
    field('Signer’s title', signerTitle, { name: 'signatoryTitle' })],
  'Save badges and certificates', async () => {
    await api.put('/api/v1/issuing/settings', { defaultMode: mode.value, showStipend: stipend.checked, showHours: hours.checked,
      signatoryName: signer.value.trim() || null, signatoryTitle: signerTitle.value.trim() || null });
    toast('Badge settings saved');
  });

  // ---- sign-in providers (configuration, read-only here)
  const mine = providers;
  const signIn = h('div', { class: 'card' }, h('h2', {}, 'Sign-in'),
    h('p', {}, 'Everyone can sign in with their email and password.'),
    mine.length ? h('ul', {}, mine.map((p) => h('li', {}, `${p.name} (single sign-on)`)))
      : h('p', { class: 'meta' }, 'No single sign-on (Google Workspace, Microsoft Entra) is set up. Your IT person adds it in Cairn’s configuration.'));

  // ---- webhooks
  const hookList = h('ul', {});
  const hookRow = (w: Webhook) => {
    const remove = h('button', { type: 'button', class: 'danger' }, `Remove ${w.url}`);
    const li = h('li', {}, h('span', { class: 'mono' }, w.url), ' ', remove);
    remove.addEventListener('click', () => void busy(remove, async () => {
      try { await api.del(`/api/v1/webhooks/${w.id}`); li.remove(); toast('Webhook removed'); } catch (err) { showError(li, err); }
    }));
    return li;
  };
  hookList.append(...hooks.map(hookRow));
  const hookUrl = input({ type: 'url', placeholder: 'https://hr.example.org/cairn' });
  const hookOut = h('div', { 'aria-live': 'polite' });
  const hookForm = form('hooks-h', 'Webhooks', [h('p', {}, 'Cairn tells these addresses when a badge is issued or revoked (for HR or payroll systems).'),
    hookList, field('Address to add', hookUrl, { name: 'url' }), hookOut],
  'Add webhook', async () => {
    const w = await api.post<Webhook & { secret: string }>('/api/v1/webhooks', { url: hookUrl.value.trim() });
    hookList.append(hookRow(w));
    hookOut.replaceChildren(status(`Added. Its signing secret, shown once: ${w.secret}`, 'ok'));
    hookUrl.value = '';
  });

  // ---- recognized issuers
  const trustList = h('ul', {});
  const trustRow = (trust: Trusted) => {
    const remove = h('button', { type: 'button', class: 'danger' }, `Stop recognizing ${trust.name ?? trust.issuerId}`);
    const li = h('li', {}, trust.name ? `${trust.name} ` : '', h('span', { class: 'mono' }, trust.issuerId), ' ', remove);
    remove.addEventListener('click', () => void busy(remove, async () => {
      try { await api.del(`/api/v1/district/trusted-issuers/${trust.id}`); li.remove(); } catch (err) { showError(li, err); }
    }));
    return li;
  };
  trustList.append(...trusted.map(trustRow));
  const trustId = input({ type: 'url', placeholder: 'https://university.example.edu/issuer' });
  const trustName = input({ maxlength: 200 });
  const trustNote = textarea({ rows: 2, maxlength: 1000 });
  const trustForm = form('trust-h', 'Issuers you recognize', [h('p', {}, 'Badges from these issuers are marked as recognized when someone verifies them.'),
    trustList, field('Issuer address (its profile’s id)', trustId, { name: 'issuerId' }), field('Name', trustName, { name: 'name' }), field('Note', trustNote, { name: 'note' })],
  'Recognize this issuer', async () => {
    const trust = await api.post<Trusted>('/api/v1/district/trusted-issuers', { issuerId: trustId.value.trim(), name: trustName.value.trim() || null, note: trustNote.value.trim() || null });
    if (!trusted.some((x) => x.id === trust.id)) { trusted.push(trust); trustList.append(trustRow(trust)); }
    trustId.value = ''; trustName.value = ''; trustNote.value = '';
  });

  section.append(h('h1', {}, 'District settings'), identity, budgetForm, issuingForm, signIn, hookForm, trustForm);
  return section;
}

/** One form: its own heading, fields, one button, its errors placed next to its own fields. */
function form(id: string, title: string, children: Array<Node | string>, label: string, action: () => Promise<void>): HTMLFormElement {
  const button = h('button', { type: 'submit', class: 'primary' }, label);
  const f = h('form', { novalidate: true, class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children, button);
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(button, async () => { try { await action(); f.querySelector('.form-error')?.remove(); } catch (err) { showError(f, err); } });
  });
  return f;
}
