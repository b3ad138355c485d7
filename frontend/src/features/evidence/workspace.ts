// The tier workspace: reflection with live word counter and autosave, links, uploads, sharing, submission.
import { navigate } from '../../core/app';
import { ApiError } from '../../core/http';
import { list } from '../../core/problems';
import { type Enrollment, tiersOf } from '../enrollment/types';
import type { Evidence } from './types';
import { countWords } from './words';
import type { Submission } from '../review/types';
import type { RequirementPreview, TierPreview } from '../template/types';
import { busy, clearErrors, field, h, input, showError, status, textarea, toast } from '../../ui';
import { contentUrl, evidenceApi, requirementPath } from './api';
import { reviewApi } from '../review/api';
import { templateApi } from '../template/api';
import { enrollmentApi } from '../enrollment/api';
import { locale, t } from '../../core/i18n';

export async function workspace(p: { id: string; tier: string }): Promise<Node> {
  const e = await enrollmentApi.get(p.id);
  const [tpl, evidence, subs] = await Promise.all([
    templateApi.preview(e.templateId),
    evidenceApi.ofTier(e.id, p.tier),
    reviewApi.submissionsOf(e.id),
  ]);
  const tiers = tiersOf(e, tpl);
  const tier = tiers.find((x) => x.key === p.tier);
  if (!tier) throw new Error(t('evidence.workspace.noSuchTier'));
  const sub = subs.find((s) => s.tierKey === tier.key);
  // a tier opens once the tiers it requires (by title) have passed; the service refuses evidence before that too
  const passed = new Set(tiers.filter((x) => subs.some((s) => s.tierKey === x.key && s.state === 'PASSED')).map((x) => x.title));
  const missing = tier.requires.filter((title) => !passed.has(title));
  const editable = e.state === 'ACTIVE' && missing.length === 0 && (!sub || sub.state === 'RETURNED');
  const current = evidence.filter((x) => !x.withdrawnAt);
  const section = h('section', { class: 'workspace' },
    h('p', {}, h('a', { href: `/my/enrollments/${e.id}` }, `← ${e.templateTitle}`)),
    h('h1', {}, tier.title), tier.description ? h('p', {}, tier.description) : null);
  if (missing.length && !sub) {
    section.append(status(t('evidence.workspace.locked', { missing: list(missing), count: missing.length }), 'warn'));
  }
  if (sub) {
    section.append(status(sub.state === 'PASSED' ? t('evidence.workspace.passed') : sub.state === 'SUBMITTED'
      ? t('evidence.workspace.submitted') : t('evidence.workspace.returned'),
    sub.state === 'PASSED' ? 'ok' : sub.state === 'RETURNED' ? 'warn' : 'info'));
    const last = sub.attempts.filter((a) => a.outcome).at(-1);
    if (last) section.append(feedbackView(last, tier, tpl.levels));
  }
  for (const r of tier.requirements) section.append(requirementEditor(e, tier, r, current.filter((x) => x.requirementKey === r.key), editable));
  if (current.length) section.append(sharing(tier, current, sub?.state === 'PASSED'));
  if (editable) {
    const submit = h('button', { type: 'button', class: 'primary' }, sub ? t('evidence.workspace.resubmit') : t('evidence.workspace.submit'));
    const box = h('div', { class: 'submit-box' }, submit);
    submit.addEventListener('click', () => void busy(submit, async () => {
      // wait for any pending autosave first, so the submission includes the last keystrokes
      await Promise.all([...pendingSaves]);
      try {
        await evidenceApi.submitTier(e.id, tier.key);
        toast(t('evidence.workspace.submittedToast'));
        navigate(location.pathname, true);
      } catch (err) {
        const key: Record<string, string> = {};
        for (const x of tiers) key[x.key] = x.title;
        for (const r of tier.requirements) key[r.key] = r.title;
        showError(section, err, { key }, { summaryIn: box });
      }
    }));
    section.append(box);
  }
  return section;
}

/** Nothing is public by default: the teacher picks what the public badge page shows. */
function sharing(tier: TierPreview, pieces: Evidence[], passed: boolean): HTMLElement {
  const title = (p: Evidence) => t('evidence.workspace.pieceTitle', { requirement: tier.requirements.find((r) => r.key === p.requirementKey)?.title ?? p.requirementKey,
    piece: p.type === 'TEXT' ? t('evidence.workspace.writtenReflection') : p.name });
  const fs = h('fieldset', { class: 'sharing' }, h('legend', {}, t('evidence.workspace.showPublic')),
    h('p', { class: 'hint' }, passed ? t('evidence.workspace.issuedWithPieces') : t('evidence.workspace.tickToPublish')),
    pieces.map((p) => {
      const id = `share-${p.id}`;
      const box = h('input', { type: 'checkbox', id, checked: p.isPublic });
      box.addEventListener('change', async () => {
        try { await evidenceApi.setPublic(p.id, box.checked); toast(box.checked ? t('evidence.workspace.shownPublicly') : t('evidence.workspace.keptPrivate')); } catch (err) { box.checked = !box.checked; showError(fs, err); }
      });
      return h('div', { class: 'check' }, box, h('label', { for: id }, title(p)));
    }));
  return fs;
}

function feedbackView(a: NonNullable<Submission['attempts'][number]>, tier: TierPreview, levels: string[]): HTMLElement {
  const name = (rk: string, ck: string) => tier.requirements.find((r) => r.key === rk)?.criteria.find((c) => c.key === ck)?.name ?? ck;
  return h('div', { class: 'feedback' }, h('h2', {}, a.outcome === 'PASS' ? t('evidence.workspace.feedbackPassed', { number: a.number }) : t('evidence.workspace.feedbackReturned', { number: a.number })),
    a.comment ? h('p', {}, a.comment) : null,
    h('ul', {}, a.scores.map((s) => h('li', {}, h('strong', {}, `${name(s.requirementKey, s.criterionKey)}: `),
      levels[s.level] ?? t('evidence.workspace.level', { level: s.level }), s.feedback ? ` — ${s.feedback}` : ''))));
}

const pendingSaves = new Set<Promise<unknown>>();

function requirementEditor(e: Enrollment, tier: TierPreview, r: RequirementPreview, pieces: Evidence[], editable: boolean): HTMLElement {
  const base = requirementPath(e.id, tier.key, r.key);
  const box = h('div', { class: 'requirement', 'aria-labelledby': `req-${r.key}`, 'data-field': `requirements.${r.key}`, 'data-label': r.title },
    h('h2', { id: `req-${r.key}` }, r.title), h('p', {}, r.asks), r.prompt ? h('p', { class: 'prompt' }, r.prompt) : null,
    h('p', { class: 'field-error', 'aria-live': 'polite' }));
  if (r.kind === 'REFLECTION') box.append(reflectionEditor(base, r, pieces.find((x) => x.type === 'TEXT'), editable));
  if (r.kind === 'LINKS') box.append(linksEditor(base, pieces.filter((x) => x.type === 'LINK'), editable));
  if (r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'VIDEO' || r.kind === 'REFLECTION') {
    const files = pieces.filter((x) => x.type === 'FILE');
    if (r.kind !== 'REFLECTION' || files.length || (editable && /video/.test(r.asks))) box.append(filesEditor(base, r, files, editable));
  }
  return box;
}

function reflectionEditor(base: string, r: RequirementPreview, piece: Evidence | undefined, editable: boolean): HTMLElement {
  const m = r.asks.match(/(\d+)-(\d+) words/) ?? r.asks.match(/(\d+) words/);
  const min = m ? Number(m[1]) : undefined;
  const max = m ? Number(m[2] ?? m[1]) : undefined;
  const text = textarea({ rows: 12, readonly: !editable, class: 'reflection' });
  text.value = piece?.text ?? '';
  const counter = h('p', { class: 'counter', 'aria-live': 'polite' });
  const saved = h('span', { class: 'saved', role: 'status' });
  const update = () => {
    const n = countWords(text.value);
    const ok = (min === undefined || n >= min) && (max === undefined || n <= max);
    counter.textContent = t('evidence.workspace.words', { count: n }) + (min !== undefined ? t('evidence.workspace.needs', { min, max: max! }) : '');
    counter.className = `counter ${n === 0 ? '' : ok ? 'ok' : 'out'}`;
  };
  update();
  let timer: number | undefined;
  const save = () => {
    clearTimeout(timer);
    const p = evidenceApi.saveReflection(base, text.value)
      .then(() => { saved.textContent = t('evidence.workspace.draftSaved', { time: new Date().toLocaleTimeString(locale()) }); clearErrors(wrap.closest('.requirement') ?? wrap); })
      .catch((err) => showError(wrap, err))
      .finally(() => pendingSaves.delete(p));
    pendingSaves.add(p);
    return p;
  };
  text.addEventListener('input', () => {
    update();
    saved.textContent = t('evidence.workspace.unsaved');
    clearTimeout(timer);
    timer = window.setTimeout(save, 1200); // autosave a moment after typing stops
  });
  text.addEventListener('blur', () => { if (saved.textContent === t('evidence.workspace.unsaved')) void save(); });
  const wrap = h('div', {}, field(t('evidence.workspace.reflection'), text, { name: 'text' }), counter, editable ? saved : null);
  return wrap;
}

function linksEditor(base: string, pieces: Evidence[], editable: boolean): HTMLElement {
  const list = h('div', { class: 'links' });
  const add = (v = '') => {
    const n = list.children.length;
    // "link or cite": a web address, or a citation of a book or article (author, title, year)
    list.append(field(t('evidence.workspace.linkOrCitation', { n: n + 1 }), input({ value: v, readonly: !editable, placeholder: t('evidence.workspace.linkPlaceholder'), autocomplete: 'off' }),
      { name: `urls[${n}]`, hint: n === 0 ? t('evidence.workspace.linkHint') : undefined }));
  };
  (pieces.length ? pieces.map((p) => p.url ?? p.name) : ['', '']).forEach(add);
  const save = h('button', { type: 'button' }, t('evidence.workspace.saveSources'));
  const saved = h('span', { class: 'saved', role: 'status' });
  const wrap = h('div', { 'data-field': 'urls' }, list, h('p', { class: 'field-error' }));
  save.addEventListener('click', () => void busy(save, async () => {
    const urls = [...list.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value.trim()).filter(Boolean);
    const p = evidenceApi.saveLinks(base, urls);
    pendingSaves.add(p);
    try { await p; clearErrors(wrap.closest('.requirement') ?? wrap); saved.textContent = t('evidence.workspace.sourcesSaved', { count: urls.length }); } catch (err) { showError(wrap, err); } finally { pendingSaves.delete(p); }
  }));
  if (editable) wrap.append(h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => add() }, t('evidence.workspace.addSource')), save, saved));
  return wrap;
}

function filesEditor(base: string, r: RequirementPreview, pieces: Evidence[], editable: boolean): HTMLElement {
  const list = h('ul', { class: 'files' }, pieces.map((p) => fileItem(p, editable)));
  const wrap = h('div', {}, list);
  if (!editable) return wrap;
  const picker = h('input', { type: 'file', multiple: true, accept: acceptFor(r) });
  const videoInstead = r.kind === 'REFLECTION';
  const zone = h('div', { class: 'dropzone' }, h('p', {}, videoInstead ? t('evidence.workspace.orVideo') : t('evidence.workspace.dragFiles')),
    field(videoInstead ? t('evidence.workspace.videoInstead') : t('evidence.workspace.addFilesTo', { title: r.title }), picker), h('div', { class: 'uploads' }));
  const start = (files: FileList | File[]) => { for (const f of Array.from(files)) void uploadOne(base, f, zone, list); };
  picker.addEventListener('change', () => { if (picker.files) start(picker.files); picker.value = ''; });
  zone.addEventListener('dragover', (ev) => { ev.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (ev) => { ev.preventDefault(); zone.classList.remove('over'); if (ev.dataTransfer?.files) start(ev.dataTransfer.files); });
  wrap.append(zone);
  return wrap;
}

function acceptFor(r: RequirementPreview): string {
  const kinds = (r.asks.match(/\(([^)]+)\)/)?.[1] ?? '').split(', ');
  const map: Record<string, string> = { image: 'image/*', video: 'video/*', pdf: 'application/pdf', audio: 'audio/*' };
  if (r.kind === 'VIDEO' || /video/.test(r.asks) && r.kind === 'REFLECTION') return 'video/*';
  return kinds.every((k) => map[k]) ? kinds.map((k) => map[k]).join(',') : '';
}

async function uploadOne(base: string, file: File, zone: HTMLElement, list: HTMLElement): Promise<void> {
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t('evidence.workspace.uploading', { name: file.name }) });
  // a local preview while the upload runs, so a teacher sees at once whether it is the right clip or photo
  const local = file.type.startsWith('video/') ? h('video', { src: URL.createObjectURL(file), controls: true, muted: true, class: 'thumb', 'aria-label': t('evidence.workspace.preview', { name: file.name }) })
    : file.type.startsWith('image/') ? h('img', { src: URL.createObjectURL(file), alt: t('evidence.workspace.preview', { name: file.name }), class: 'thumb' }) : null;
  const row = h('div', { class: 'upload' }, local, h('span', {}, file.name), bar);
  zone.querySelector('.uploads')!.append(row);
  const go = async () => {
    row.querySelectorAll('.form-error, button.retry').forEach((x) => x.remove());
    if (!bar.isConnected) row.append(bar);
    bar.value = 0;
    try {
      const ev = await evidenceApi.uploadFile(base, file, (f) => { bar.value = Math.round(f * 100); });
      row.remove();
      list.querySelector(`[data-name="${CSS.escape(ev.name)}"]`)?.remove();
      list.append(fileItem(ev, true));
      toast(t('evidence.workspace.uploaded', { name: file.name }));
    } catch (err) {
      // a refused upload shows no full progress bar: the bar goes, the reason and a retry stay
      bar.remove();
      showError(row, err);
      // a cut-off transfer may work next time; a refused file will not, so it gets a way to dismiss it instead
      const transient = !(err instanceof ApiError) || err.status === 0 || err.status >= 500;
      row.append(transient ? h('button', { type: 'button', class: 'retry', onclick: () => void go() }, t('evidence.workspace.retry', { name: file.name }))
        : h('button', { type: 'button', class: 'retry', onclick: () => row.remove() }, t('evidence.workspace.dismiss', { name: file.name })));
    }
  };
  await go();
}

function fileItem(p: Evidence, editable: boolean): HTMLElement {
  const url = contentUrl(p.id);
  const preview = p.artifactKind === 'IMAGE' ? h('img', { src: url, alt: p.name, class: 'thumb' })
    : p.artifactKind === 'VIDEO' ? h('video', { src: url, controls: true, preload: 'metadata', class: 'thumb', 'aria-label': p.name }) : null;
  const li = h('li', { 'data-name': p.name }, preview, h('a', { href: url, target: '_blank', rel: 'noopener' }, p.name),
    p.sizeBytes ? h('span', { class: 'meta' }, ` ${(p.sizeBytes / 1024).toFixed(0)} KB`) : null);
  if (editable && !p.submitted) {
    li.append(h('button', { type: 'button', class: 'link', onclick: async () => { await evidenceApi.remove(p.id); li.remove(); toast(t('evidence.workspace.removed', { name: p.name })); } }, t('evidence.workspace.remove', { name: p.name })));
  }
  return li;
}
