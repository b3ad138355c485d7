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

export async function editor(p: { id: string }): Promise<Node> {
  const isNew = p.id === 'new';
  let view: View | null = isNew ? null : await api.get<View>(`/api/v1/templates/${p.id}`);
  const c: Content = view ? view.content : emptyContent();
  c.scale ??= SCALES.two;
  c.tags ??= { subjects: [], gradeBands: [], topics: [] };
  const draft = !view || view.status === 'DRAFT';
  const createKey = crypto.randomUUID(); // the first save of a new template creates one draft, however often it is retried
  const root = h('section', { class: 'editor' });
  const body = h('div', {});
  const heading = h('h1', {});
  const showHeading = () => { heading.textContent = draft ? `${isNew && !view ? 'New microcredential' : 'Edit'}: ${c.title.trim() || 'untitled'}` : c.title; };
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
      h('fieldset', {}, h('legend', {}, 'About'),
        text('Title', 'title', c.title, (v) => { c.title = v; showHeading(); }, { hint: 'What teachers see in the catalog, e.g. “Personalized Learning”.', attrs: { maxlength: 120 } }),
        text('Summary', 'summary', c.summary, (v) => { c.summary = v; }, { area: true, hint: 'One or two sentences.' }),
        criteriaField(),
        text('Subjects', 'tags.subjects', listText(c.tags.subjects), (v) => { c.tags.subjects = parseList(v); }, { hint: 'Separate with commas, e.g. Math, Science.' }),
        text('Grade bands', 'tags.gradeBands', listText(c.tags.gradeBands), (v) => { c.tags.gradeBands = parseList(v); }, { hint: 'Separate with commas, e.g. K-2, 6-8.' }),
        validForField(),
        check('Teachers propose it first (an administrator approves before they start)', 'proposalRequired', c.proposalRequired, (v) => { c.proposalRequired = v; }),
        artworkField()),
      alignmentsField(),
      h('fieldset', {}, h('legend', {}, 'Rubric scale'),
        field('Scale', bind(select([['two', 'Two levels (Not yet on track / On track)'], ['four', 'Four levels (Danielson)']], {}, c.scale!.levels.length === 4 ? 'four' : 'two'), (v) => {
          c.scale = SCALES[v];
          for (const t of [...c.tiers, ...(c.renewal?.tier ? [c.renewal.tier] : [])]) for (const r of t.requirements) for (const cr of r.criteria) cr.descriptors = c.scale.levels.map((_, i) => cr.descriptors[i] ?? '');
          render();
        }), { name: 'scale' })),
      c.tiers.map((t, ti) => tierFields(t, ti)),
      draft ? h('button', { type: 'button', onclick: () => { c.tiers.push(newTier(c.tiers.length, c.scale!)); dirty = true; render(); } }, 'Add a tier') : null,
      total,
      renewalFields()]);
    showTotal();
  };
  const total = h('p', { class: 'meta', 'aria-live': 'polite' });
  const showTotal = () => { total.textContent = `Total stipend: ${money(c.tiers.reduce((s, t) => s + (t.stipendCents || 0), 0))}`; };

  const criteriaField = () => {
    const area = bind(textarea({ value: c.criteria ?? '', rows: 8 }), (v) => { c.criteria = v; if (!preview.hidden) showPreview(); });
    const preview = h('div', { class: 'markdown-preview card', hidden: true, 'aria-live': 'polite' });
    const showPreview = () => preview.replaceChildren(h('p', { class: 'meta' }, 'Preview'), markdown(c.criteria ?? ''));
    const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'Show preview');
    toggle.addEventListener('click', () => {
      preview.hidden = !preview.hidden;
      toggle.setAttribute('aria-expanded', String(!preview.hidden));
      toggle.textContent = preview.hidden ? 'Show preview' : 'Hide preview';
      if (!preview.hidden) showPreview();
    });
    return h('div', {}, field('What earners must show', area, { name: 'criteria',
      hint: 'Shown on the badge’s public page. Formatting: ## heading, - list item, 1. numbered item, **bold**. Anything else shows as typed.' }),
    toggle, preview);
  };

  const validForField = () => {
    const current = parsePeriod(c.validFor);
    const amount = input({ type: 'number', min: 1, max: 100, step: 1, value: current ? current.amount : '', inputmode: 'numeric', 'aria-label': 'Valid for: number' });
    const unit = select([['Y', 'years'], ['M', 'months'], ['W', 'weeks'], ['D', 'days']], { 'aria-label': 'Valid for: unit' }, current?.unit ?? 'Y');
    const note = h('p', { class: 'hint', 'aria-live': 'polite' });
    const update = () => {
      const n = num(amount.value);
      c.validFor = toPeriod(n, unit.value as Unit);
      note.textContent = amount.value.trim() === '' ? 'Badges never expire.'
        : c.validFor ? '' : 'Enter a whole number of at least 1, or leave it empty for badges that never expire.';
      dirty = true;
    };
    amount.addEventListener('input', update);
    unit.addEventListener('change', update);
    if (!draft) { amount.disabled = true; unit.disabled = true; }
    note.textContent = c.validFor ? '' : 'Badges never expire.';
    return h('div', { class: 'field', 'data-field': 'validFor' }, h('span', { class: 'label', id: 'valid-for-label' }, 'Valid for'),
      h('p', { class: 'hint' }, 'Leave empty if the badge never expires.'),
      h('div', { class: 'row', role: 'group', 'aria-labelledby': 'valid-for-label' }, amount, unit), note, h('p', { class: 'field-error' }));
  };

  const artworkField = () => {
    const file = h('input', { type: 'file', accept: 'image/png,image/svg+xml' });
    const note = h('p', { class: 'field-error', 'aria-live': 'polite' });
    const preview = c.artwork ? h('img', { src: c.artwork, alt: 'Badge artwork', width: 96, height: 96 })
      : h('p', { class: 'meta' }, 'No artwork yet.');
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (!f) return;
      if (!/^image\/(png|svg\+xml)$/.test(f.type)) { note.textContent = `“${f.name}” is not a PNG or SVG image. Choose a PNG or SVG file.`; file.value = ''; return; }
      if (f.size > MAX_ARTWORK_BYTES) {
        note.textContent = `“${f.name}” is ${(f.size / 1024 / 1024 >= 1 ? `${(f.size / 1024 / 1024).toFixed(1)} MB` : `${Math.round(f.size / 1024)} KB`)}; artwork can be at most ${MAX_ARTWORK_BYTES / 1024} KB. Your other changes are kept; choose a smaller image.`;
        file.value = '';
        return;
      }
      const reader = new FileReader();
      reader.onload = () => { c.artwork = String(reader.result); dirty = true; render(); };
      reader.readAsDataURL(f);
    });
    if (!draft) file.disabled = true;
    const w = field('Badge artwork (PNG or SVG, at most 96 KB)', file, { name: 'artwork' });
    w.append(note);
    return h('div', { class: 'artwork' }, preview, w);
  };

  // one search over every framework's entries, loaded once on first use
  let allEntries: Promise<Array<Entry & { framework: string }>> | null = null;
  const loadEntries = () => allEntries ??= api.get<FrameworkSummary[]>('/api/v1/frameworks').then((fws) => Promise.all(fws.map((f) =>
    api.get<{ entries: Entry[] }>(`/api/v1/frameworks/${encodeURIComponent(f.code)}`)
      // the edition is shown with every result: a district aligns to the edition it uses (FFT 2013 or FFT 2022)
      .then((v) => v.entries.map((e) => ({ ...e, framework: f.edition && !f.name.includes(f.edition) ? `${f.name}, ${f.edition} edition` : f.name }))).catch(() => [])))).then((xs) => xs.flat());
  const alignmentsField = () => {
    const search = input({ type: 'search', placeholder: 'e.g. feedback, 3d, data', autocomplete: 'off' });
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
          h('button', { type: 'button', disabled: taken, onclick: () => { c.alignments.push(e.alignment); dirty = true; render(); } }, taken ? 'Added' : `Add ${e.code}`));
      }) : [h('li', { class: 'meta' }, `No standard matches “${search.value.trim()}”.`)]));
    };
    search.addEventListener('input', () => void show());
    return h('fieldset', { 'data-field': 'alignments' }, h('legend', {}, 'Standards it is aligned to'),
      c.alignments.length ? h('ul', {}, c.alignments.map((a, i) => h('li', { 'data-field': `alignments[${i}]` }, `${a.targetCode ?? ''} ${a.targetName}`, a.targetFramework ? ` (${a.targetFramework})` : '', ' ',
        draft ? h('button', { type: 'button', class: 'link', onclick: () => { c.alignments.splice(i, 1); dirty = true; render(); } }, `Remove ${a.targetCode ?? a.targetName}`) : null)))
        : h('p', { class: 'meta' }, 'None yet.'),
      h('p', { class: 'field-error' }),
      draft ? [field('Search all frameworks (Learning Forward, Danielson, ISTE and your own)', search), results] : null);
  };

  const tierFields = (t: Tier, ti: number) => {
    const path = `tiers[${ti}]`;
    const legend = h('legend', {}, `Tier ${ti + 1}: ${t.title}`);
    const earlier = c.tiers.slice(0, ti);
    return h('fieldset', { class: 'tier', 'data-field': path }, legend,
      text('Tier title', `${path}.title`, t.title, (v) => { t.title = v; legend.textContent = `Tier ${ti + 1}: ${v}`; }),
      text('Description', `${path}.description`, t.description, (v) => { t.description = v; }, { area: true }),
      text('Stipend in dollars', `${path}.stipendCents`, String((t.stipendCents || 0) / 100), (v) => { t.stipendCents = Math.max(0, Math.round((num(v) ?? 0) * 100)); showTotal(); }, { type: 'number', attrs: { min: 0, step: 1 } }),
      text('Estimated hours', `${path}.estimatedHours`, t.estimatedHours == null ? '' : String(t.estimatedHours), (v) => { t.estimatedHours = num(v); }, { type: 'number', attrs: { min: 0 } }),
      text('Credits earned when it passes (professional learning hours, or your district’s credit unit)', `${path}.credits`, t.credits == null ? '' : String(t.credits), (v) => { t.credits = num(v); }, { type: 'number', attrs: { min: 0, step: 0.25 } }),
      earlier.length ? h('fieldset', { 'data-field': `${path}.requires` }, h('legend', {}, 'Tiers to finish first'),
        earlier.map((e) => {
          const id = `${path}-requires-${e.key}`.replace(/[^\w-]/g, '_');
          const box = h('input', { type: 'checkbox', id, checked: t.requires.includes(e.key) });
          box.addEventListener('change', () => { t.requires = box.checked ? [...t.requires, e.key] : t.requires.filter((k) => k !== e.key); dirty = true; });
          if (!draft) box.disabled = true;
          return h('span', { class: 'check' }, box, h('label', { for: id }, e.title || e.key));
        }), h('p', { class: 'field-error' })) : null,
      check('Awarded as its own badge', `${path}.awardedSeparately`, t.awardedSeparately, (v) => { t.awardedSeparately = v; }),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      t.requirements.map((r, ri) => requirementFields(t, r, `${path}.requirements[${ri}]`, ri)),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { t.requirements.push(newRequirement(t.requirements.length, c.scale!)); dirty = true; render(); } }, `Add a requirement to tier ${ti + 1}`),
        c.tiers.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => {
          const gone = c.tiers.splice(ti, 1)[0];
          for (const other of c.tiers) other.requires = other.requires.filter((k) => k !== gone.key);
          dirty = true; render();
        } }, `Remove tier ${ti + 1}`) : null) : null);
  };

  /** How a teacher renews an expiring badge: nothing (the district renews it), a renewal tier, or the whole again. */
  const renewalFields = () => {
    const kind = c.renewal?.kind ?? 'NONE';
    const choice = bind(select([['NONE', 'No renewal path (an administrator renews badges)'], ['TIER', 'A renewal tier (shorter, reviewed like any tier)'],
      ['FULL', 'The full microcredential again']], {}, kind), (v) => {
      c.renewal = v === 'NONE' ? null : v === 'FULL' ? { kind: 'FULL', tier: null }
        : { kind: 'TIER', tier: c.renewal?.tier ?? newRenewalTier(c.scale!) };
      render();
    });
    const t = c.renewal?.kind === 'TIER' ? c.renewal.tier : null;
    const path = 'renewal.tier';
    return h('fieldset', { class: 'renewal', 'data-field': 'renewal' }, h('legend', {}, 'Renewal'),
      h('p', { class: 'hint' }, c.validFor ? 'When a badge nears its expiry, its teacher renews it this way: an assessor reviews it, and passing issues the badge again with a new validity (no new hours, no stipend).'
        : 'Badges of this microcredential never expire. Set “Valid for” above to offer a renewal path.'),
      field('How teachers renew', choice, { name: 'renewal.kind' }),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      t ? [
        text('Renewal tier title', `${path}.title`, t.title, (v) => { t.title = v; }),
        text('Description', `${path}.description`, t.description, (v) => { t.description = v; }, { area: true }),
        text('Estimated hours', `${path}.estimatedHours`, t.estimatedHours == null ? '' : String(t.estimatedHours), (v) => { t.estimatedHours = num(v); }, { type: 'number', attrs: { min: 0 } }),
        h('p', { class: 'field-error', 'data-field': `${path}.requirements`, tabindex: -1 }),
        t.requirements.map((r, ri) => requirementFields(t, r, `${path}.requirements[${ri}]`, ri)),
        draft ? h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => { t.requirements.push(newRequirement(t.requirements.length, c.scale!)); dirty = true; render(); } }, 'Add a requirement to the renewal tier')) : null,
      ] : null);
  };

  const requirementFields = (t: Tier, r: Requirement, path: string, ri: number) => {
    const legend = h('legend', {}, `Requirement ${ri + 1}: ${r.title}`);
    const kind = bind(select(KINDS, {}, r.kind), (v) => { r.kind = v as Kind; render(); });
    const n = (label: string, key: 'minWords' | 'maxWords' | 'minSeconds' | 'maxSeconds' | 'minItems' | 'maxItems', hint?: string) =>
      text(label, `${path}.${key}`, r[key] == null ? '' : String(r[key]), (v) => { r[key] = num(v); }, { type: 'number', hint, attrs: { min: 0 } });
    const fileKinds = h('fieldset', { 'data-field': `${path}.allowedKinds` }, h('legend', {}, 'Accepted files'),
      FILE_KINDS.map(([k, label]) => {
        const id = `${path}-${k}`.replace(/[^\w-]/g, '_');
        const box = h('input', { type: 'checkbox', id, checked: r.allowedKinds.includes(k) });
        box.addEventListener('change', () => { r.allowedKinds = box.checked ? [...r.allowedKinds, k] : r.allowedKinds.filter((x) => x !== k); dirty = true; });
        if (!draft) box.disabled = true;
        return h('span', { class: 'check' }, box, h('label', { for: id }, label));
      }), h('p', { class: 'field-error' }));
    return h('fieldset', { class: 'requirement', 'data-field': path }, legend,
      text('Requirement title', `${path}.title`, r.title, (v) => { r.title = v; legend.textContent = `Requirement ${ri + 1}: ${v}`; }),
      field('What teachers submit', kind, { name: `${path}.kind` }),
      text('Prompt to the teacher', `${path}.prompt`, r.prompt, (v) => { r.prompt = v; }, { area: true }),
      r.kind === 'REFLECTION' ? [n('Minimum words', 'minWords'), n('Maximum words', 'maxWords'),
        n('Or a video of at least (seconds)', 'minSeconds', 'Leave empty if only writing is accepted.'), n('Video at most (seconds)', 'maxSeconds')] : null,
      r.kind === 'VIDEO' ? [n('Shortest video (seconds)', 'minSeconds'), n('Longest video (seconds)', 'maxSeconds')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'LINKS' ? [n('At least this many items', 'minItems'), n('At most this many items', 'maxItems')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'VIDEO' ? fileKinds : null,
      h('h4', {}, 'Rubric'),
      h('p', { class: 'field-error', 'data-field': `${path}.criteria`, tabindex: -1 }),
      r.criteria.map((cr, ci) => {
        const cl = h('legend', {}, `Criterion ${ci + 1}${cr.name ? `: ${cr.name}` : ''}`);
        return h('fieldset', { class: 'criterion', 'data-field': `${path}.criteria[${ci}]` }, cl,
          text('Criterion name', `${path}.criteria[${ci}].name`, cr.name, (v) => { cr.name = v; cl.textContent = `Criterion ${ci + 1}${v ? `: ${v}` : ''}`; }),
          c.scale!.levels.map((level, li) => text(`What “${level}” looks like`, `${path}.criteria[${ci}].descriptors[${li}]`, cr.descriptors[li], (v) => { cr.descriptors[li] = v; }, { area: true })),
          h('p', { class: 'field-error', 'data-field': `${path}.criteria[${ci}].descriptors`, tabindex: -1 }),
          draft && r.criteria.length > 1 ? h('button', { type: 'button', class: 'link', onclick: () => { r.criteria.splice(ci, 1); dirty = true; render(); } }, `Remove criterion ${ci + 1}`) : null);
      }),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { r.criteria.push(newCriterion(r.criteria.length, c.scale!)); dirty = true; render(); } }, `Add a criterion to requirement ${ri + 1}`),
        t.requirements.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => { t.requirements.splice(ri, 1); dirty = true; render(); } }, `Remove requirement ${ri + 1}`) : null) : null);
  };

  // ---- what is missing, in words, each entry a link to its field
  const missing = h('div', { class: 'missing', 'aria-live': 'polite' });
  const showMissing = (problems: Problem[], title: string) => {
    clearErrors(body);
    if (!problems.length) { missing.replaceChildren(h('p', { class: 'status status-ok', role: 'status' }, 'Nothing is missing: it can be published.')); return; }
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
    const saved = view ? await api.put<View>(`/api/v1/templates/${view.id}`, c)
      : await api.post<View>('/api/v1/templates', c, { 'Idempotency-Key': createKey });
    const created = !view;
    view = saved;
    dirty = false;
    if (created) history.replaceState(null, '', `/admin/templates/${saved.id}`);
    meta.textContent = `Version ${saved.version} · draft · saved`;
    actions.replaceChildren(...draftActions());
    return saved;
  };
  const save = h('button', { type: 'button' }, 'Save draft');
  const checkMissing = h('button', { type: 'button' }, 'What is missing?');
  const publish = h('button', { type: 'button', class: 'primary' }, 'Publish');
  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete draft');
  save.addEventListener('click', () => void busy(save, async () => {
    try { await store(); missing.replaceChildren(); clearErrors(body); toast('Draft saved'); } catch (err) { showError(body, err); }
  }));
  checkMissing.addEventListener('click', () => void busy(checkMissing, async () => {
    try { const v = await store(); showMissing(v.problems, `${v.problems.length} thing${v.problems.length === 1 ? '' : 's'} to finish before publishing`); } catch (err) { showError(body, err); }
  }));
  publish.addEventListener('click', () => void busy(publish, async () => {
    try {
      const v = await store();
      if (v.problems.length) { showMissing(v.problems, `Not published yet: ${v.problems.length} thing${v.problems.length === 1 ? '' : 's'} to finish`); return; }
      await api.post(`/api/v1/templates/${v.id}/publish`);
      toast(`Published “${c.title}”`);
      navigate(`/admin/templates?published=${v.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) showMissing(err.errors, 'Not published yet');
      else showError(body, err);
    }
  }));
  remove.addEventListener('click', () => void busy(remove, async () => {
    if (!confirm(`Delete the draft “${c.title || 'untitled'}”? This cannot be undone.`)) return;
    try {
      if (view) await api.del(`/api/v1/templates/${view.id}`).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
      toast('Draft deleted');
      navigate('/admin/templates', true);
    } catch (err) { showError(root, err); }
  }));
  const discard = h('a', { href: '/admin/templates', class: 'button' }, 'Cancel');
  const draftActions = () => (view ? [save, checkMissing, publish, remove] : [save, checkMissing, publish, discard]);

  const newVersion = h('button', { type: 'button' }, 'Edit as a new version');
  newVersion.addEventListener('click', () => void busy(newVersion, async () => {
    try { const v = await api.post<View>(`/api/v1/templates/${view!.id}/versions`); navigate(`/admin/templates/${v.id}`); } catch (err) { showError(root, err); }
  }));
  const retire = h('button', { type: 'button', class: 'danger' }, 'Retire (no new enrollments)');
  retire.addEventListener('click', () => void busy(retire, async () => {
    if (!confirm('Retire this microcredential? Teachers can no longer start it; badges already earned stay valid.')) return;
    try { await api.post(`/api/v1/templates/${view!.id}/retire`); toast('Retired'); navigate('/admin/templates'); } catch (err) { showError(root, err); }
  }));

  const meta = h('p', { class: 'meta' }, view ? `Version ${view.version} · ${view.status.toLowerCase()}` : 'Not saved yet');
  const actions = h('div', { class: 'actions sticky' });
  if (draft) actions.replaceChildren(...draftActions());
  else actions.replaceChildren(newVersion, view!.status === 'PUBLISHED' ? retire : '', h('a', { href: `/catalog/${view!.id}`, class: 'button' }, 'See it as a teacher'));
  window.addEventListener('beforeunload', (e) => { if (dirty && root.isConnected) e.preventDefault(); });
  showHeading();
  render();
  root.append(h('p', {}, h('a', { href: '/admin/templates' }, '← Templates')), heading, meta, missing, body, actions);
  return root;
}
