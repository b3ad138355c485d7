// The template editor a principal can use. Nothing is red before the person acts: problems appear when they press
// Publish (or "What is missing?"), as a list in plain words whose entries jump to the field. A new template is not
// stored until its first save (so "New" never leaves an "Untitled" behind); a draft saves whatever is filled in,
// and a bad file (artwork too large) is refused on its own without losing the rest. Durations are a number and a
// unit, keys are made from titles, the criteria narrative is Markdown with a safe preview, headings follow edits,
// and the alignment picker searches every framework at once.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import { ApiError, api } from '../../core/http';
import type { Kind } from './types';
import {
  type Content, type Entry, type FrameworkSummary, type Problem, type Requirement, type Tier, type Unit, type View,
  FILE_KINDS, KINDS, MAX_ARTWORK_BYTES, SCALES, describeField, emptyContent, keysFromTitles, newCriterion, newRenewalTier, newRequirement, newTier,
  num, parsePeriod, plainMessage, toPeriod,
} from './draft';

export { emptyContent };
import { append, busy, clearErrors, field, h, input, markdown, select, showError, textarea, toast } from '../../ui';
import { t } from '../../core/i18n';
import { stateName } from './templates';
import { payApi } from '../pay/api';
import { payFields } from '../pay/fields';

export async function editor(p: { id: string }): Promise<Node> {
  const isNew = p.id === 'new';
  let view: View | null = isNew ? null : await api.get<View>(`/api/v1/templates/${p.id}`);
  const c: Content = view ? view.content : emptyContent();
  c.scale ??= SCALES().two;
  c.tags ??= { subjects: [], gradeBands: [], topics: [] };
  const draft = !view || view.status === 'DRAFT';
  const fundingSources = await payApi.fundingSources().catch(() => [] as string[]);
  const createKey = crypto.randomUUID(); // the first save of a new template creates one draft, however often it is retried
  const root = h('section', { class: 'editor' });
  const body = h('div', {});
  const heading = h('h1', {});
  const showHeading = () => {
    heading.textContent = !draft ? c.title : t(isNew && !view ? 'templateSpanish.headingNew' : 'templateSpanish.headingEdit', { title: c.title.trim() || t('template.templates.untitledQuoted') });
  };
  let dirty = false;

  const bind = <T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el: T, set: (v: string) => void): T => {
    const on = () => { set(el.value); dirty = true; };
    el.addEventListener('input', on);
    el.addEventListener('change', on);
    if (!draft) el.setAttribute('disabled', '');
    return el;
  };
  const text = (label: string, path: string, value: string | null | undefined, set: (v: string) => void,
    opts: { area?: boolean; hint?: string; type?: string; attrs?: Record<string, string | number> } = {}) =>
    field(label, bind(opts.area ? textarea({ value: value ?? '', ...opts.attrs }) : input({ value: value ?? '', type: opts.type ?? 'text', ...opts.attrs }), set), { name: path, hint: opts.hint });
  const check = (label: string, path: string, value: boolean, set: (v: boolean) => void) => {
    const box = h('input', { type: 'checkbox', checked: value });
    box.addEventListener('change', () => { set(box.checked); dirty = true; });
    if (!draft) box.disabled = true;
    return field(label, box, { name: path });
  };
  const listText = (xs: string[]) => xs.join(', ');
  const parseList = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

  const render = () => {
    body.replaceChildren();
    append(body, [
      h('fieldset', {}, h('legend', {}, t('template.editor.about')),
        text(t('template.editor.title'), 'title', c.title, (v) => { c.title = v; showHeading(); }, { hint: t('template.editor.titleHint'), attrs: { maxlength: 120 } }),
        text(t('template.editor.summary'), 'summary', c.summary, (v) => { c.summary = v; }, { area: true, hint: t('template.editor.summaryHint') }),
        criteriaField(),
        text(t('template.editor.subjects'), 'tags.subjects', listText(c.tags.subjects), (v) => { c.tags.subjects = parseList(v); }, { hint: t('template.editor.subjectsHint') }),
        text(t('template.editor.gradeBands'), 'tags.gradeBands', listText(c.tags.gradeBands), (v) => { c.tags.gradeBands = parseList(v); }, { hint: t('template.editor.gradeBandsHint') }),
        validForField(),
        check(t('template.editor.proposalRequired'), 'proposalRequired', c.proposalRequired, (v) => { c.proposalRequired = v; }),
        artworkField()),
      alignmentsField(),
      h('fieldset', {}, h('legend', {}, t('template.editor.rubricScale')),
        field(t('template.editor.scale'), bind(select([['two', t('template.editor.twoLevels')], ['four', t('template.editor.fourLevels')]], {}, c.scale!.levels.length === 4 ? 'four' : 'two'), (v) => {
          c.scale = SCALES()[v];
          for (const tr of [...c.tiers, ...(c.renewal?.tier ? [c.renewal.tier] : [])]) for (const r of tr.requirements) for (const cr of r.criteria) cr.descriptors = c.scale.levels.map((_, i) => cr.descriptors[i] ?? '');
          render();
        }), { name: 'scale' })),
      c.tiers.map((tr, ti) => tierFields(tr, ti)),
      draft ? h('button', { type: 'button', onclick: () => { c.tiers.push(newTier(c.tiers.length, c.scale!)); dirty = true; render(); } }, t('template.editor.addTier')) : null,
      total,
      renewalFields(),
      spanishFields()]);
    showTotal();
  };

  // ---- the district's Spanish wording: kept by tier and requirement, since keys follow titles until saved
  const es = { title: c.es?.title ?? '', summary: c.es?.summary ?? '', criteria: c.es?.criteria ?? '' };
  const allTiers = () => [...c.tiers, ...(c.renewal?.kind === 'TIER' && c.renewal.tier ? [c.renewal.tier] : [])];
  const esTiers = new Map<Tier, { title: string; description: string }>();
  const esRequirements = new Map<Requirement, { title: string; prompt: string }>();
  for (const tr of allTiers()) {
    const tt = c.es?.tiers?.find((x) => x.key === tr.key);
    esTiers.set(tr, { title: tt?.title ?? '', description: tt?.description ?? '' });
    for (const r of tr.requirements) {
      const rt = tt?.requirements?.find((x) => x.key === r.key);
      esRequirements.set(r, { title: rt?.title ?? '', prompt: rt?.prompt ?? '' });
    }
  }
  const tierText = (tr: Tier) => { let v = esTiers.get(tr); if (!v) esTiers.set(tr, v = { title: '', description: '' }); return v; };
  const requirementText = (r: Requirement) => { let v = esRequirements.get(r); if (!v) esRequirements.set(r, v = { title: '', prompt: '' }); return v; };
  /** The wording as the service takes it, with the keys the tiers and requirements have now; es.tiers[i] is allTiers()[i]. */
  const collectSpanish = () => {
    c.es = { ...es, tiers: allTiers().map((tr) => ({ key: tr.key, ...tierText(tr),
      requirements: tr.requirements.map((r) => ({ key: r.key, ...requirementText(r) })) })) };
  };
  const spanishFields = () => h('fieldset', { class: 'spanish', 'data-field': 'es' }, h('legend', {}, t('templateSpanish.legend')),
    h('p', { class: 'hint' }, t('templateSpanish.intro')),
    text(t('templateSpanish.title'), 'es.title', es.title, (v) => { es.title = v; }, { attrs: { maxlength: 120, lang: 'es' } }),
    text(t('templateSpanish.summary'), 'es.summary', es.summary, (v) => { es.summary = v; }, { area: true, attrs: { lang: 'es' } }),
    text(t('templateSpanish.criteria'), 'es.criteria', es.criteria, (v) => { es.criteria = v; }, { area: true, hint: t('templateSpanish.criteriaHint'), attrs: { rows: 6, lang: 'es' } }),
    allTiers().map((tr, ti) => {
      const tt = tierText(tr);
      const path = `es.tiers[${ti}]`;
      return h('fieldset', { class: 'tier', 'data-field': path }, h('legend', {}, t('templateSpanish.tier', { title: tr.title })),
        text(t('templateSpanish.tierTitle'), `${path}.title`, tt.title, (v) => { tt.title = v; }, { attrs: { maxlength: 120, lang: 'es' } }),
        text(t('templateSpanish.tierDescription'), `${path}.description`, tt.description, (v) => { tt.description = v; }, { area: true, attrs: { lang: 'es' } }),
        tr.requirements.map((r, ri) => {
          const rt = requirementText(r);
          return [
            text(t('templateSpanish.requirementTitle', { title: r.title }), `${path}.requirements[${ri}].title`, rt.title, (v) => { rt.title = v; }, { attrs: { maxlength: 120, lang: 'es' } }),
            text(t('templateSpanish.prompt', { title: r.title }), `${path}.requirements[${ri}].prompt`, rt.prompt, (v) => { rt.prompt = v; }, { area: true, attrs: { lang: 'es' } }),
          ];
        }));
    }));
  const total = h('p', { class: 'meta', 'aria-live': 'polite' });
  const showTotal = () => { total.textContent = t('template.editor.totalStipend', { stipendCents: money(c.tiers.reduce((s, tr) => s + (tr.stipendCents || 0), 0)) }); };

  const criteriaField = () => {
    const area = bind(textarea({ value: c.criteria ?? '', rows: 8 }), (v) => { c.criteria = v; if (!preview.hidden) showPreview(); });
    const preview = h('div', { class: 'markdown-preview card', hidden: true, 'aria-live': 'polite' });
    const showPreview = () => preview.replaceChildren(h('p', { class: 'meta' }, t('template.editor.preview')), markdown(c.criteria ?? ''));
    const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, t('template.editor.showPreview'));
    toggle.addEventListener('click', () => {
      preview.hidden = !preview.hidden;
      toggle.setAttribute('aria-expanded', String(!preview.hidden));
      toggle.textContent = preview.hidden ? t('template.editor.showPreview') : t('template.editor.hidePreview');
      if (!preview.hidden) showPreview();
    });
    return h('div', {}, field(t('template.editor.criteria'), area, { name: 'criteria',
      hint: t('template.editor.criteriaHint') }),
    toggle, preview);
  };

  const validForField = () => {
    const current = parsePeriod(c.validFor);
    const amount = input({ type: 'number', min: 1, max: 100, step: 1, value: current ? current.amount : '', inputmode: 'numeric', 'aria-label': t('template.editor.validNumber') });
    const unit = select([['Y', t('templateSpanish.years')], ['M', t('templateSpanish.months')], ['W', t('templateSpanish.weeks')], ['D', t('templateSpanish.days')]], { 'aria-label': t('template.editor.validUnit') }, current?.unit ?? 'Y');
    const note = h('p', { class: 'hint', 'aria-live': 'polite' });
    const update = () => {
      const n = num(amount.value);
      c.validFor = toPeriod(n, unit.value as Unit);
      note.textContent = amount.value.trim() === '' ? t('template.editor.neverExpire')
        : c.validFor ? '' : t('template.editor.wholeNumber');
      dirty = true;
    };
    amount.addEventListener('input', update);
    unit.addEventListener('change', update);
    if (!draft) { amount.disabled = true; unit.disabled = true; }
    note.textContent = c.validFor ? '' : t('template.editor.neverExpire');
    return h('div', { class: 'field', 'data-field': 'validFor' }, h('span', { class: 'label', id: 'valid-for-label' }, t('template.editor.validFor')),
      h('p', { class: 'hint' }, t('template.editor.validForHint')),
      h('div', { class: 'row', role: 'group', 'aria-labelledby': 'valid-for-label' }, amount, unit), note, h('p', { class: 'field-error' }));
  };

  const artworkField = () => {
    const file = h('input', { type: 'file', accept: 'image/png,image/svg+xml' });
    const note = h('p', { class: 'field-error', 'aria-live': 'polite' });
    const preview = c.artwork ? h('img', { src: c.artwork, alt: t('template.editor.artwork'), width: 96, height: 96 })
      : h('p', { class: 'meta' }, t('template.editor.noArtwork'));
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (!f) return;
      if (!/^image\/(png|svg\+xml)$/.test(f.type)) { note.textContent = t('template.editor.notPngSvg', { name: f.name }); file.value = ''; return; }
      if (f.size > MAX_ARTWORK_BYTES) {
        note.textContent = t('template.editor.artworkTooLarge', { name: f.name, size: f.size / 1024 / 1024 >= 1 ? `${(f.size / 1024 / 1024).toFixed(1)} MB` : `${Math.round(f.size / 1024)} KB`, max: MAX_ARTWORK_BYTES / 1024 });
        file.value = '';
        return;
      }
      const reader = new FileReader();
      reader.onload = () => { c.artwork = String(reader.result); dirty = true; render(); };
      reader.readAsDataURL(f);
    });
    if (!draft) file.disabled = true;
    const w = field(t('template.editor.artworkLabel'), file, { name: 'artwork' });
    w.append(note);
    return h('div', { class: 'artwork' }, preview, w);
  };

  // one search over every framework's entries, loaded once on first use
  let allEntries: Promise<Array<Entry & { framework: string }>> | null = null;
  const loadEntries = () => allEntries ??= api.get<FrameworkSummary[]>('/api/v1/frameworks').then((fws) => Promise.all(fws.map((f) =>
    api.get<{ entries: Entry[] }>(`/api/v1/frameworks/${encodeURIComponent(f.code)}`)
      // the edition is shown with every result: a district aligns to the edition it uses (FFT 2013 or FFT 2022)
      .then((v) => v.entries.map((e) => ({ ...e, framework: f.edition && !f.name.includes(f.edition) ? t('template.editor.edition', { name: f.name, edition: f.edition }) : f.name }))).catch(() => [])))).then((xs) => xs.flat());
  const alignmentsField = () => {
    const search = input({ type: 'search', placeholder: t('template.editor.searchPlaceholder'), autocomplete: 'off' });
    const results = h('ul', { class: 'search-results', 'aria-live': 'polite' });
    const show = async () => {
      const q = search.value.trim().toLowerCase();
      if (q.length < 2) { results.replaceChildren(); return; }
      const entries = await loadEntries();
      const words = q.split(/\s+/);
      const found = entries.filter((e) => words.every((w) => `${e.code} ${e.name} ${(e.alsoKnownAs ?? []).join(' ')} ${e.group ?? ''} ${e.framework}`.toLowerCase().includes(w))).slice(0, 12);
      results.replaceChildren(...(found.length ? found.map((e) => {
        const taken = c.alignments.some((a) => a.targetCode === e.alignment.targetCode && a.targetFramework === e.alignment.targetFramework);
        return h('li', {}, h('span', {}, `${e.code} ${e.name} `, h('span', { class: 'meta' }, `(${e.framework})`)), ' ',
          h('button', { type: 'button', disabled: taken, onclick: () => { c.alignments.push(e.alignment); dirty = true; render(); } }, taken ? t('template.editor.added') : t('template.editor.add', { code: e.code })));
      }) : [h('li', { class: 'meta' }, t('template.editor.noMatch', { trim: search.value.trim() }))]));
    };
    search.addEventListener('input', () => void show());
    return h('fieldset', { 'data-field': 'alignments' }, h('legend', {}, t('template.editor.standardsLegend')),
      c.alignments.length ? h('ul', {}, c.alignments.map((a, i) => h('li', { 'data-field': `alignments[${i}]` }, `${a.targetCode ?? ''} ${a.targetName}`, a.targetFramework ? ` (${a.targetFramework})` : '', ' ',
        draft ? h('button', { type: 'button', class: 'link', onclick: () => { c.alignments.splice(i, 1); dirty = true; render(); } }, t('template.editor.remove', { targetName: a.targetCode ?? a.targetName })) : null)))
        : h('p', { class: 'meta' }, t('template.editor.noneYet')),
      h('p', { class: 'field-error' }),
      draft ? [field(t('template.editor.searchLabel'), search), results] : null);
  };

  const tierFields = (tr: Tier, ti: number) => {
    const path = `tiers[${ti}]`;
    const legend = h('legend', {}, t('template.editor.tierLegend', { ti: ti + 1, title: tr.title }));
    const earlier = c.tiers.slice(0, ti);
    return h('fieldset', { class: 'tier', 'data-field': path }, legend,
      text(t('template.editor.tierTitle'), `${path}.title`, tr.title, (v) => { tr.title = v; legend.textContent = t('template.editor.tierLegend2', { ti: ti + 1, v: v }); }),
      text(t('template.editor.description'), `${path}.description`, tr.description, (v) => { tr.description = v; }, { area: true }),
      payFields(tr, path, { sources: fundingSources, editable: draft, last: ti === c.tiers.length - 1, changed: () => { dirty = true; showTotal(); }, rerender: () => render() }),
      text(t('template.editor.estimatedHours'), `${path}.estimatedHours`, tr.estimatedHours == null ? '' : String(tr.estimatedHours), (v) => { tr.estimatedHours = num(v); }, { type: 'number', attrs: { min: 0 } }),
      text(t('template.editor.credits'), `${path}.credits`, tr.credits == null ? '' : String(tr.credits), (v) => { tr.credits = num(v); }, { type: 'number', attrs: { min: 0, step: 0.25 } }),
      earlier.length ? h('fieldset', { 'data-field': `${path}.requires` }, h('legend', {}, t('template.editor.requires')),
        earlier.map((e) => {
          const id = `${path}-requires-${e.key}`.replace(/[^\w-]/g, '_');
          const box = h('input', { type: 'checkbox', id, checked: tr.requires.includes(e.key) });
          box.addEventListener('change', () => { tr.requires = box.checked ? [...tr.requires, e.key] : tr.requires.filter((k) => k !== e.key); dirty = true; });
          if (!draft) box.disabled = true;
          return h('span', { class: 'check' }, box, h('label', { for: id }, e.title || e.key));
        }), h('p', { class: 'field-error' })) : null,
      check(t('template.editor.awardedSeparately'), `${path}.awardedSeparately`, tr.awardedSeparately, (v) => { tr.awardedSeparately = v; }),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      tr.requirements.map((r, ri) => requirementFields(tr, r, `${path}.requirements[${ri}]`, ri)),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { tr.requirements.push(newRequirement(tr.requirements.length, c.scale!)); dirty = true; render(); } }, t('template.editor.addRequirement', { ti: ti + 1 })),
        c.tiers.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => {
          const gone = c.tiers.splice(ti, 1)[0];
          for (const other of c.tiers) other.requires = other.requires.filter((k) => k !== gone.key);
          dirty = true; render();
        } }, t('template.editor.removeTier', { ti: ti + 1 })) : null) : null);
  };

  /** How a teacher renews an expiring badge: nothing (the district renews it), a renewal tier, or the whole again. */
  const renewalFields = () => {
    const kind = c.renewal?.kind ?? 'NONE';
    const choice = bind(select([['NONE', t('template.editor.noRenewal')], ['TIER', t('template.editor.renewalTierOption')],
      ['FULL', t('template.editor.fullAgain')]], {}, kind), (v) => {
      c.renewal = v === 'NONE' ? null : v === 'FULL' ? { kind: 'FULL', tier: null }
        : { kind: 'TIER', tier: c.renewal?.tier ?? newRenewalTier(c.scale!) };
      render();
    });
    const tr = c.renewal?.kind === 'TIER' ? c.renewal.tier : null;
    const path = 'renewal.tier';
    return h('fieldset', { class: 'renewal', 'data-field': 'renewal' }, h('legend', {}, t('template.editor.renewal')),
      h('p', { class: 'hint' }, c.validFor ? t('template.editor.renewalIntro')
        : t('template.editor.neverExpiresRenewal')),
      field(t('template.editor.howRenew'), choice, { name: 'renewal.kind' }),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      tr ? [
        text(t('template.editor.renewalTierTitle'), `${path}.title`, tr.title, (v) => { tr.title = v; }),
        text(t('template.editor.description'), `${path}.description`, tr.description, (v) => { tr.description = v; }, { area: true }),
        text(t('template.editor.estimatedHours'), `${path}.estimatedHours`, tr.estimatedHours == null ? '' : String(tr.estimatedHours), (v) => { tr.estimatedHours = num(v); }, { type: 'number', attrs: { min: 0 } }),
        h('p', { class: 'field-error', 'data-field': `${path}.requirements`, tabindex: -1 }),
        tr.requirements.map((r, ri) => requirementFields(tr, r, `${path}.requirements[${ri}]`, ri)),
        draft ? h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => { tr.requirements.push(newRequirement(tr.requirements.length, c.scale!)); dirty = true; render(); } }, t('template.editor.addRenewalRequirement'))) : null,
      ] : null);
  };

  const requirementFields = (tr: Tier, r: Requirement, path: string, ri: number) => {
    const legend = h('legend', {}, t('template.editor.requirementLegend', { ri: ri + 1, title: r.title }));
    const kind = bind(select(KINDS(), {}, r.kind), (v) => { r.kind = v as Kind; render(); });
    const n = (label: string, key: 'minWords' | 'maxWords' | 'minSeconds' | 'maxSeconds' | 'minItems' | 'maxItems', hint?: string) =>
      text(label, `${path}.${key}`, r[key] == null ? '' : String(r[key]), (v) => { r[key] = num(v); }, { type: 'number', hint, attrs: { min: 0 } });
    const fileKinds = h('fieldset', { 'data-field': `${path}.allowedKinds` }, h('legend', {}, t('template.editor.acceptedFiles')),
      FILE_KINDS().map(([k, label]) => {
        const id = `${path}-${k}`.replace(/[^\w-]/g, '_');
        const box = h('input', { type: 'checkbox', id, checked: r.allowedKinds.includes(k) });
        box.addEventListener('change', () => { r.allowedKinds = box.checked ? [...r.allowedKinds, k] : r.allowedKinds.filter((x) => x !== k); dirty = true; });
        if (!draft) box.disabled = true;
        return h('span', { class: 'check' }, box, h('label', { for: id }, label));
      }), h('p', { class: 'field-error' }));
    return h('fieldset', { class: 'requirement', 'data-field': path }, legend,
      text(t('template.editor.requirementTitle'), `${path}.title`, r.title, (v) => { r.title = v; legend.textContent = t('template.editor.requirementLegend2', { ri: ri + 1, v: v }); }),
      field(t('template.editor.kind'), kind, { name: `${path}.kind` }),
      text(t('template.editor.prompt'), `${path}.prompt`, r.prompt, (v) => { r.prompt = v; }, { area: true }),
      r.kind === 'REFLECTION' ? [n(t('template.editor.minWords'), 'minWords'), n(t('template.editor.maxWords'), 'maxWords'),
        n(t('template.editor.orVideoMin'), 'minSeconds', t('template.editor.orVideoHint')), n(t('template.editor.videoMax'), 'maxSeconds')] : null,
      r.kind === 'VIDEO' ? [n(t('template.editor.minSeconds'), 'minSeconds'), n(t('template.editor.maxSeconds'), 'maxSeconds')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'LINKS' ? [n(t('template.editor.minItems'), 'minItems'), n(t('template.editor.maxItems'), 'maxItems')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'VIDEO' ? fileKinds : null,
      h('h4', {}, t('template.editor.rubric')),
      h('p', { class: 'field-error', 'data-field': `${path}.criteria`, tabindex: -1 }),
      r.criteria.map((cr, ci) => {
        const cl = h('legend', {}, t('template.editor.criterionLegend', { ci: ci + 1, name: cr.name ? `: ${cr.name}` : '' }));
        return h('fieldset', { class: 'criterion', 'data-field': `${path}.criteria[${ci}]` }, cl,
          text(t('template.editor.criterionName'), `${path}.criteria[${ci}].name`, cr.name, (v) => { cr.name = v; cl.textContent = t('template.editor.criterionLegend2', { ci: ci + 1, v: v ? `: ${v}` : '' }); }),
          c.scale!.levels.map((level, li) => text(t('template.editor.levelLooks', { level: level }), `${path}.criteria[${ci}].descriptors[${li}]`, cr.descriptors[li], (v) => { cr.descriptors[li] = v; }, { area: true })),
          h('p', { class: 'field-error', 'data-field': `${path}.criteria[${ci}].descriptors`, tabindex: -1 }),
          draft && r.criteria.length > 1 ? h('button', { type: 'button', class: 'link', onclick: () => { r.criteria.splice(ci, 1); dirty = true; render(); } }, t('template.editor.removeCriterion', { ci: ci + 1 })) : null);
      }),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { r.criteria.push(newCriterion(r.criteria.length, c.scale!)); dirty = true; render(); } }, t('template.editor.addCriterion', { ri: ri + 1 })),
        tr.requirements.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => { tr.requirements.splice(ri, 1); dirty = true; render(); } }, t('template.editor.removeRequirement', { ri: ri + 1 })) : null) : null);
  };

  // ---- what is missing, in words, each entry a link to its field
  const missing = h('div', { class: 'missing', 'aria-live': 'polite' });
  const showMissing = (problems: Problem[], title: string) => {
    clearErrors(body);
    if (!problems.length) { missing.replaceChildren(h('p', { class: 'status status-ok', role: 'status' }, t('template.editor.nothingMissing'))); return; }
    // each field also shows its own sentence, so a person scrolling the form sees it in place
    showError(body, new ApiError(422, title, '', '', problems.map((x) => ({ field: x.field, message: plainMessage(x.message) }))));
    body.querySelector('.form-error')?.remove();
    missing.replaceChildren(h('div', { class: 'form-error', role: 'alert', tabindex: -1 },
      h('h2', {}, title),
      h('ul', {}, problems.map((x) => h('li', {}, h('a', { href: '#', onclick: (e: Event) => {
        e.preventDefault();
        const target = body.querySelector<HTMLElement>(`[data-field="${CSS.escape(x.field)}"] input, [data-field="${CSS.escape(x.field)}"] textarea, [data-field="${CSS.escape(x.field)}"] select, [data-field="${CSS.escape(x.field)}"]`);
        target?.scrollIntoView({ block: 'center' });
        target?.focus?.();
      } }, `${describeField(x.field, c)} ${plainMessage(x.message)}.`))))));
    (missing.firstElementChild as HTMLElement).focus();
  };

  /** Stores the draft (creating it on the first save) and returns the saved view. */
  const store = async (): Promise<View> => {
    keysFromTitles(c);
    collectSpanish();
    const saved = view ? await api.put<View>(`/api/v1/templates/${view.id}`, c)
      : await api.post<View>('/api/v1/templates', c, { 'Idempotency-Key': createKey });
    const created = !view;
    view = saved;
    dirty = false;
    if (created) history.replaceState(null, '', `/admin/templates/${saved.id}`);
    meta.textContent = t('template.editor.versionSaved', { version: saved.version });
    actions.replaceChildren(...draftActions());
    return saved;
  };
  const save = h('button', { type: 'button' }, t('template.editor.saveDraft'));
  const checkMissing = h('button', { type: 'button' }, t('template.editor.whatMissing'));
  const publish = h('button', { type: 'button', class: 'primary' }, t('template.editor.publish'));
  const remove = h('button', { type: 'button', class: 'danger' }, t('template.editor.deleteDraft'));
  save.addEventListener('click', () => void busy(save, async () => {
    try { await store(); missing.replaceChildren(); clearErrors(body); toast(t('template.editor.draftSaved')); } catch (err) { showError(body, err); }
  }));
  checkMissing.addEventListener('click', () => void busy(checkMissing, async () => {
    try { const v = await store(); showMissing(v.problems, t('template.editor.toFinish', { count: v.problems.length })); } catch (err) { showError(body, err); }
  }));
  publish.addEventListener('click', () => void busy(publish, async () => {
    try {
      const v = await store();
      if (v.problems.length) { showMissing(v.problems, t('template.editor.notPublishedN', { count: v.problems.length })); return; }
      await api.post(`/api/v1/templates/${v.id}/publish`);
      toast(t('template.editor.published', { title: c.title }));
      navigate(`/admin/templates?published=${v.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) showMissing(err.errors, t('template.editor.notPublished'));
      else showError(body, err);
    }
  }));
  remove.addEventListener('click', () => void busy(remove, async () => {
    if (!confirm(t('template.templates.deleteConfirm', { title: c.title || t('template.templates.untitledQuoted') }))) return;
    try {
      if (view) await api.del(`/api/v1/templates/${view.id}`).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
      toast(t('template.editor.draftDeleted'));
      navigate('/admin/templates', true);
    } catch (err) { showError(root, err); }
  }));
  const discard = h('a', { href: '/admin/templates', class: 'button' }, t('template.editor.cancel'));
  const draftActions = () => (view ? [save, checkMissing, publish, remove] : [save, checkMissing, publish, discard]);

  const newVersion = h('button', { type: 'button' }, t('template.editor.newVersion'));
  newVersion.addEventListener('click', () => void busy(newVersion, async () => {
    try { const v = await api.post<View>(`/api/v1/templates/${view!.id}/versions`); navigate(`/admin/templates/${v.id}`); } catch (err) { showError(root, err); }
  }));
  const retire = h('button', { type: 'button', class: 'danger' }, t('template.editor.retire'));
  retire.addEventListener('click', () => void busy(retire, async () => {
    if (!confirm(t('template.editor.retireConfirm'))) return;
    try { await api.post(`/api/v1/templates/${view!.id}/retire`); toast(t('template.editor.retired')); navigate('/admin/templates'); } catch (err) { showError(root, err); }
  }));

  const meta = h('p', { class: 'meta' }, view ? t('template.editor.versionMeta', { version: view.version, state: stateName(view.status) }) : t('template.editor.notSaved'));
  const actions = h('div', { class: 'actions sticky' });
  if (draft) actions.replaceChildren(...draftActions());
  else actions.replaceChildren(newVersion, view!.status === 'PUBLISHED' ? retire : '', h('a', { href: `/catalog/${view!.id}`, class: 'button' }, t('template.editor.seeAsTeacher')));
  window.addEventListener('beforeunload', (e) => { if (dirty && root.isConnected) e.preventDefault(); });
  showHeading();
  render();
  root.append(h('p', {}, h('a', { href: '/admin/templates' }, t('template.editor.back'))), heading, meta, missing, body, actions);
  return root;
}
