import { date } from '../../core/format';
import { ApiError } from '../../core/http';
import { busy, field, h, showError, textarea } from '../../ui';
import { verificationApi } from './api';
import type { Check, Verdict } from './types';
import { t } from '../../core/i18n';

/** The verification report (feature/verification, docs/verification.md). */

/** Classifies pasted text the way a person would paste it: a URL, a compact JWS, or assertion JSON. */
export function bodyFor(text: string, email: string): Record<string, unknown> {
  const trimmed = text.trim();
  const recipient = email.trim() || undefined;
  if (/^https?:\/\//i.test(trimmed)) return { url: trimmed, recipient };
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed)) return { jws: trimmed, recipient };
  let assertion: unknown = trimmed;
  try { assertion = JSON.parse(trimmed); } catch { /* let the service name what is wrong */ }
  return { assertion, recipient };
}

export function verifyPage(_: unknown, q: URLSearchParams): Node {
  const result = h('div', { id: 'verdict', 'aria-live': 'polite' });
  const picker = h('input', { type: 'file', accept: 'image/png,image/svg+xml,application/pdf,.png,.svg,.pdf,.json,.jws,.txt' });
  const text = textarea({ rows: 3, placeholder: t('verification.verify.textPlaceholder', { json: '{"@context": …}' }) });
  text.value = q.get('url') ?? '';
  const email = h('input', { type: 'email', autocomplete: 'email' });
  const go = h('button', { type: 'submit', class: 'primary' }, t('verification.verify.verify'));
  const form = h('form', { novalidate: true },
    h('div', { class: 'dropzone' }, h('p', {}, t('verification.verify.drop')),
      field(t('verification.verify.file'), picker, { name: 'file' })),
    field(t('verification.verify.paste'), text, { name: 'url' }),
    field(t('verification.verify.recipient'), email, { name: 'recipient' }), go);
  // What the person gave last is what gets verified: a file chosen or dropped, or text typed or pasted. Giving
  // one clears the other, so the form never shows one thing while another is checked.
  let given: { kind: 'file'; file: File } | { kind: 'text' } | null = text.value.trim() ? { kind: 'text' } : null;
  const giveFile = (f: File) => { given = { kind: 'file', file: f }; text.value = ''; };
  const giveText = () => { given = text.value.trim() ? { kind: 'text' } : null; if (picker.value) picker.value = ''; };
  text.addEventListener('input', giveText);
  const run = () => busy(go, async () => {
    const what = given;
    if (!what || (what.kind === 'text' && !text.value.trim())) {
      showError(form, new ApiError(422, t('verification.verify.nothing'), '', '', [{ field: 'url', message: t('verification.verify.nothingDetail') }]));
      result.replaceChildren();
      return;
    }
    const label = what.kind === 'file' ? t('verification.verify.theFile', { name: what.file.name }) : t('verification.verify.theText');
    result.replaceChildren(h('p', { role: 'status' }, t('verification.verify.checking', { label: label })));
    try {
      let verdict: Verdict;
      if (what.kind === 'file') {
        const data = new FormData();
        data.append('file', what.file, what.file.name);
        if (email.value.trim()) data.append('recipient', email.value.trim());
        verdict = await verificationApi.verify(data);
      } else {
        verdict = await verificationApi.verify(bodyFor(text.value, email.value));
      }
      // a later input may have replaced this one while the answer was on its way: show only the current one
      if (given === what) result.replaceChildren(verdictView(verdict, label));
    } catch (err) { result.replaceChildren(); showError(form, err); }
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  const zone = form.querySelector<HTMLElement>('.dropzone')!;
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault(); zone.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) { picker.value = ''; giveFile(f); void run(); }
  });
  picker.addEventListener('change', () => { const f = picker.files?.[0]; if (f) { giveFile(f); void run(); } });
  if (q.get('url')) queueMicrotask(() => void run());
  return h('section', {}, h('h1', {}, t('verification.verify.title')),
    h('p', {}, t('verification.verify.intro')), form, result);
}

/** A transcript: the overall verdict, then each badge it carries with its own verdict and checks. */
function transcriptView(v: Verdict, label: string): HTMLElement {
  const badges = v.badges ?? [];
  const ok = badges.filter((b) => b.report?.valid).length;
  return h('div', { class: `verdict ${v.valid ? 'valid' : 'invalid'}` },
    h('h2', { tabindex: -1 }, v.valid ? t('verification.verify.allValid') : t('verification.verify.notAllValid')),
    h('p', { class: 'checked' }, t('verification.verify.checked', { label: label }), v.checks.find((c) => c.id === 'input.detect')?.sentence ?? ''),
    h('p', {}, t('verification.verify.okOf', { ok, count: badges.length }),
      v.checks.filter((c) => c.outcome.toLowerCase() === 'failed').map((c) => ` ${c.sentence ?? c.message}`).join('')),
    h('ol', { class: 'transcript-badges' }, badges.map((b) => h('li', { class: 'transcript-badge' },
      b.report ? verdictView(b.report, t('verification.verify.fromTranscript', { attachment: b.report.badge?.name ?? b.name ?? b.attachment }), 3)
        : h('p', { class: 'status status-warn' }, t('verification.verify.notAttached', { attachment: b.name ?? b.attachment }))))));
}

function verdictView(v: Verdict, label: string, level = 2): HTMLElement {
  if (v.badges) return transcriptView(v, label);
  const heading = level === 2 ? 'h2' : 'h3';
  const sub = level === 2 ? 'h3' : 'h4';
  const outcome = (c: Check) => c.outcome.toLowerCase();
  const word: Record<string, string> = { passed: t('verification.verify.passed'), warning: t('verification.verify.warning'), failed: t('verification.verify.failed'), skipped: t('verification.verify.notChecked') };
  const said = (c: Check) => c.sentence ?? c.message;
  const a = v.assertion;
  const img = v.badge?.image && /^(https?:|data:image\/)/.test(v.badge.image) ? v.badge.image : null;
  const record = v.kind === 'ClrCredential';
  const headline = v.valid ? (a?.revoked ? t('verification.verify.revoked') : record ? t('verification.verify.validRecord') : t('verification.verify.validBadge')) : t('verification.verify.notValid');
  return h('div', { class: `verdict ${v.valid && !a?.revoked ? 'valid' : 'invalid'}` },
    h('div', { class: 'title-row' }, img ? h('img', { src: img, alt: '', width: 72, height: 72 }) : null,
      h('div', {}, h(heading, { tabindex: -1 }, headline),
        h('p', { class: 'checked' }, t('verification.verify.checked', { label: label }), v.checks.find((c) => c.id === 'input.detect' && outcome(c) === 'passed')?.sentence ?? ''),
        h('p', {}, v.valid ? t('verification.verify.everyPassed') : t('verification.verify.failedList', { join: v.checks.filter((c) => outcome(c) === 'failed').map(said).join(' ') })))),
    h('dl', { class: 'summary' },
      v.badge?.name ? [h('dt', {}, t('verification.verify.badge')), h('dd', {}, v.badge.id?.startsWith('http') ? h('a', { href: v.badge.id, rel: 'noopener' }, v.badge.name) : v.badge.name)] : null,
      v.issuer?.name ? [h('dt', {}, t('verification.verify.issuer')), h('dd', {}, v.issuer.name, v.issuer.url ? ` (${v.issuer.url})` : '',
        v.issuer.recognised ? t('verification.verify.recognized') : '')] : null,
      v.recipient ? [h('dt', {}, t('verification.verify.recipientTerm')), h('dd', {}, v.recipient.hashed ? t('verification.verify.hashed') : v.recipient.identity ?? '',
        v.recipient.matched === true ? t('verification.verify.matches') : v.recipient.matched === false ? t('verification.verify.noMatch') : '')] : null,
      a?.issuedOn ? [h('dt', {}, t('verification.verify.issued')), h('dd', {}, date(a.issuedOn))] : null,
      a?.expires ? [h('dt', {}, t('verification.verify.expires')), h('dd', {}, date(a.expires))] : null,
      a?.revoked ? [h('dt', {}, t('verification.verify.revoked')), h('dd', {}, a.revocationReason ?? t('verification.verify.yes'))] : null,
      v.alignments?.length ? [h('dt', {}, t('verification.verify.alignedTo')), h('dd', {}, v.alignments.map((x) => x.targetName).join('; '))] : null),
    v.endorsements?.length ? [h(sub, {}, t('verification.verify.endorsements')), h('ul', { class: 'endorsements' }, v.endorsements.map((en) =>
      h('li', { class: en.valid ? 'passed' : 'failed' },
        h('span', { class: 'outcome' }, en.valid ? t('verification.verify.verified') : en.revoked ? t('verification.verify.withdrawn') : t('verification.verify.notValid2')), ' ', en.sentence,
        en.endorser?.recognised ? t('verification.verify.recognized') : '',
        en.comment ? h('blockquote', {}, en.comment) : null,
        h('details', { class: 'detail' }, h('summary', {}, t('verification.verify.whatChecked')),
          h('ul', {}, en.checks.map((c) => h('li', { 'data-check': c.id }, `${c.outcome}: `, c.sentence ?? c.message, ' ', h('code', {}, c.id))))))))] : null,
    v.credentials?.length ? [h('h3', {}, t('verification.verify.recordBadges', { credentialsCount: v.credentials.length })),
      h('ul', { class: 'record-badges' }, v.credentials.map((c, i) => h('li', { class: c.valid ? 'passed' : 'failed' },
        h('span', { class: 'outcome' }, c.valid ? t('verification.verify.valid') : t('verification.verify.notValid3')), ' ', c.badge?.name ?? t('verification.verify.badgeN', { i: i + 1 }),
        c.valid ? '' : `: ${c.checks.filter((x) => outcome(x) === 'failed').map(said).join(' ')}`)))] : null,
    h(sub, {}, t('verification.verify.checks')),
    h('ol', { class: 'checks' }, v.checks.map((c) => h('li', { class: outcome(c), 'data-check': c.id },
      h('span', { class: 'outcome' }, word[outcome(c)] ?? c.outcome), ' ', said(c), ' ',
      // the stable id and the technical detail, for experts
      h('details', { class: 'detail' }, h('summary', {}, c.title ? `${c.title} ` : '', h('code', {}, c.id)), c.message)))));
}
