// District settings in one page, one form per concern so a mistake in one never loses another: the district (name,
// colour, logo), the money (fiscal year, budget), issuing (default verification, certificate signatory), sign-in
// providers (configured by IT; shown here), webhooks and the issuers the district recognises.
import { money } from '../../core/format';
import { ApiError, api } from '../../core/http';
import { busy, field, h, input, select, showError, status, textarea, toast } from '../../ui';
import { locale, t } from '../../core/i18n';

interface District {
  name: string; url: string; email: string; description?: string; logo?: string; brandColor?: string; timeZone: string;
  fiscalYearStartMonth: number; budgetCents: number; autoApproveProposals: boolean; allowCoachAsAssessor: boolean; maxUploadBytes: number;
}
interface Issuing { defaultMode: 'HOSTED' | 'SIGNED'; showStipend: boolean; showHours: boolean; signatoryName?: string; signatoryTitle?: string; issuerUrl: string }
interface Webhook { id: string; url: string; createdAt: string }
interface Provider { id: string; name: string; districtSlug?: string }
interface Trusted { id: string; issuerId: string; name?: string; note?: string }

/** The months in the interface's language (January … December), from Intl. */
const MONTHS = () => Array.from({ length: 12 }, (_, i) => new Date(2000, i, 15).toLocaleString(locale(), { month: 'long' }).replace(/^./, (c) => c.toUpperCase()));
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
  const logoPreview = h('div', {}, d.logo ? h('img', { src: d.logo, alt: t('district.settings.currentLogo'), height: 48 }) : h('p', { class: 'meta' }, t('district.settings.noLogo')));
  logoFile.addEventListener('change', () => {
    const f = logoFile.files?.[0];
    if (!f) return;
    if (f.size > MAX_LOGO_BYTES) { logoNote.textContent = t('district.settings.logoTooLarge', { name: f.name, size: Math.round(f.size / 1024), max: Math.round(MAX_LOGO_BYTES / 1024) }); logoFile.value = ''; return; }
    logoNote.textContent = '';
    const r = new FileReader();
    r.onload = () => { d.logo = String(r.result); logoPreview.replaceChildren(h('img', { src: d.logo, alt: t('district.settings.newLogo'), height: 48 })); };
    r.readAsDataURL(f);
  });
  const identity = form('district-h', t('district.settings.districtTitle'), [
    field(t('district.settings.districtName'), name, { name: 'name' }), field(t('district.settings.website'), url, { name: 'url' }), field(t('district.settings.contactEmail'), email, { name: 'email' }),
    field(t('district.settings.brandColor'), color, { name: 'brandColor', hint: t('district.settings.brandColorHint') }),
    h('div', { class: 'field', 'data-field': 'logo' }, logoPreview, field(t('district.settings.logo'), logoFile), logoNote)],
  t('district.settings.saveDistrict'), async () => {
    Object.assign(d, { name: name.value.trim(), url: url.value.trim(), email: email.value.trim(), brandColor: color.value });
    Object.assign(district, await api.put<District>('/api/v1/district', d));
    toast(t('district.settings.districtSaved'));
  });

  // ---- money
  const month = select(MONTHS().map((m, i): [string, string] => [String(i + 1), m]), {}, String(d.fiscalYearStartMonth));
  const budget = input({ type: 'number', min: 0, step: 1, value: String(Math.round(d.budgetCents / 100)), inputmode: 'numeric' });
  const budgetNote = h('p', { class: 'hint', 'aria-live': 'polite' }, t('district.settings.perYear', { budgetCents: money(d.budgetCents) }));
  budget.addEventListener('input', () => { budgetNote.textContent = budget.value ? t('district.settings.perYear2', { value: money(Math.round(Number(budget.value) * 100)) }) : ''; });
  const auto = h('input', { type: 'checkbox', checked: d.autoApproveProposals });
  const coach = h('input', { type: 'checkbox', checked: d.allowCoachAsAssessor });
  const budgetForm = form('budget-h', t('district.settings.budgetTitle'), [
    field(t('district.settings.fyStarts'), month, { name: 'fiscalYearStartMonth' }),
    field(t('district.settings.budget'), budget, { name: 'budgetCents' }), budgetNote,
    field(t('district.settings.autoApprove'), auto, { name: 'autoApproveProposals' }),
    field(t('district.settings.coachMayAssess'), coach, { name: 'allowCoachAsAssessor' })],
  t('district.settings.saveBudget'), async () => {
    const dollars = Number(budget.value);
    if (!budget.value.trim() || !Number.isFinite(dollars) || dollars < 0) throw new ApiError(422, t('district.settings.checkBudget'), '', '', [{ field: 'budgetCents', message: t('district.settings.budgetDollars') }]);
    Object.assign(d, { fiscalYearStartMonth: Number(month.value), budgetCents: Math.round(dollars * 100), autoApproveProposals: auto.checked, allowCoachAsAssessor: coach.checked });
    Object.assign(district, await api.put<District>('/api/v1/district', d));
    toast(t('district.settings.budgetSaved'));
  });

  // ---- issuing and the certificate
  const mode = select([['HOSTED', t('district.settings.hosted')], ['SIGNED', t('district.settings.signed')]], {}, issuing.defaultMode);
  const stipend = h('input', { type: 'checkbox', checked: issuing.showStipend });
  const hours = h('input', { type: 'checkbox', checked: issuing.showHours });
  const signer = input({ value: issuing.signatoryName ?? '', maxlength: 120, placeholder: t('district.settings.signerPlaceholder') });
  const signerTitle = input({ value: issuing.signatoryTitle ?? '', maxlength: 120, placeholder: t('district.settings.titlePlaceholder') });
  const issuingForm = form('issuing-h', t('district.settings.badgesTitle'), [
    field(t('district.settings.mode'), mode, { name: 'defaultMode' }),
    field(t('district.settings.showStipend'), stipend, { name: 'showStipend' }), field(t('district.settings.showHours'), hours, { name: 'showHours' }),
    field(t('district.settings.signer'), signer, { name: 'signatoryName', hint: t('district.settings.signerHint') }),
    field(t('district.settings.signerTitle'), signerTitle, { name: 'signatoryTitle' })],
  t('district.settings.saveBadges'), async () => {
    await api.put('/api/v1/issuing/settings', { defaultMode: mode.value, showStipend: stipend.checked, showHours: hours.checked,
      signatoryName: signer.value.trim() || null, signatoryTitle: signerTitle.value.trim() || null });
    toast(t('district.settings.badgesSaved'));
  });

  // ---- sign-in providers (configuration, read-only here)
  const mine = providers;
  const signIn = h('div', { class: 'card' }, h('h2', {}, t('district.settings.signIn')),
    h('p', {}, t('district.settings.passwordSignIn')),
    mine.length ? h('ul', {}, mine.map((p) => h('li', {}, t('district.settings.sso', { name: p.name }))))
      : h('p', { class: 'meta' }, t('district.settings.noSso')));

  // ---- webhooks
  const hookList = h('ul', {});
  const hookRow = (w: Webhook) => {
    const remove = h('button', { type: 'button', class: 'danger' }, t('district.settings.remove', { url: w.url }));
    const li = h('li', {}, h('span', { class: 'mono' }, w.url), ' ', remove);
    remove.addEventListener('click', () => void busy(remove, async () => {
      try { await api.del(`/api/v1/webhooks/${w.id}`); li.remove(); toast(t('district.settings.webhookRemoved')); } catch (err) { showError(li, err); }
    }));
    return li;
  };
  hookList.append(...hooks.map(hookRow));
  const hookUrl = input({ type: 'url', placeholder: 'https://hr.example.org/cairn' });
  const hookOut = h('div', { 'aria-live': 'polite' });
  const hookForm = form('hooks-h', t('district.settings.webhooks'), [h('p', {}, t('district.settings.webhooksIntro')),
    hookList, field(t('district.settings.addressToAdd'), hookUrl, { name: 'url' }), hookOut],
  t('district.settings.addWebhook'), async () => {
    const w = await api.post<Webhook & { secret: string }>('/api/v1/webhooks', { url: hookUrl.value.trim() });
    hookList.append(hookRow(w));
    hookOut.replaceChildren(status(t('district.settings.secret', { secret: w.secret }), 'ok'));
    hookUrl.value = '';
  });

  // ---- recognized issuers
  const trustList = h('ul', {});
  const trustRow = (trust: Trusted) => {
    const remove = h('button', { type: 'button', class: 'danger' }, t('district.settings.stopRecognizing', { issuerId: trust.name ?? trust.issuerId }));
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
  const trustForm = form('trust-h', t('district.settings.trustedTitle'), [h('p', {}, t('district.settings.trustedIntro')),
    trustList, field(t('district.settings.issuerAddress'), trustId, { name: 'issuerId' }), field(t('district.settings.name'), trustName, { name: 'name' }), field(t('district.settings.note'), trustNote, { name: 'note' })],
  t('district.settings.recognize'), async () => {
    const trust = await api.post<Trusted>('/api/v1/district/trusted-issuers', { issuerId: trustId.value.trim(), name: trustName.value.trim() || null, note: trustNote.value.trim() || null });
    if (!trusted.some((x) => x.id === trust.id)) { trusted.push(trust); trustList.append(trustRow(trust)); }
    trustId.value = ''; trustName.value = ''; trustNote.value = '';
  });

  section.append(h('h1', {}, t('district.settings.title')), identity, budgetForm, issuingForm, signIn, hookForm, trustForm);
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
