import { api, ApiError, date } from '../api';
import { busy, field, h, showError, textarea } from '../dom';

interface Check { id: string; outcome: string; message: string }
interface Verdict {
  valid: boolean; checks: Check[];
  issuer?: { name?: string; url?: string; id?: string } | string;
  badge?: { name?: string; description?: string; image?: string; id?: string } | string;
  recipient?: { matched?: boolean; identity?: string } | string; recipientMatch?: boolean | null;
  issuedOn?: string; expires?: string; revoked?: boolean; trusted?: boolean; recognised?: boolean;
}

const label = (x: unknown, key: 'name' | 'id' = 'name'): string | undefined =>
  typeof x === 'string' ? x : x && typeof x === 'object' ? ((x as Record<string, string>)[key] ?? (x as Record<string, string>).id) : undefined;

/** Classifies pasted text the way a person would paste it: a URL, a compact JWS, or assertion JSON. */
export function bodyFor(text: string, email: string): Record<string, unknown> {
  const t = text.trim();
  const recipient = email.trim() || undefined;
  if (/^https?:\/\//i.test(t)) return { url: t, recipient };
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(t)) return { jws: t, recipient };
  let assertion: unknown = t;
  try { assertion = JSON.parse(t); } catch { /* let the service name what is wrong */ }
  return { assertion, recipient };
}

export function verifyPage(_: unknown, q: URLSearchParams): Node {
  const result = h('div', { id: 'verdict', 'aria-live': 'polite' });
  const picker = h('input', { type: 'file', accept: 'image/png,image/svg+xml,application/pdf,.png,.svg,.pdf,.json,.jws,.txt' });
  const text = textarea({ rows: 3, placeholder: 'https://… or eyJ… or {"@context": …}' });
  text.value = q.get('url') ?? '';
  const email = h('input', { type: 'email', autocomplete: 'email' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Verify');
  const form = h('form', { novalidate: true },
    h('div', { class: 'dropzone' }, h('p', {}, 'Drop a badge image (PNG or SVG), a Cairn PDF certificate or a JWS file here, or choose one:'),
      field('Badge file', picker, { name: 'file' })),
    field('…or paste a badge URL, JWS or assertion JSON', text, { name: 'url' }),
    field('Recipient email to check (optional)', email, { name: 'recipient' }), go);
  const run = (file?: File) => busy(go, async () => {
    result.replaceChildren(h('p', { role: 'status' }, 'Checking…'));
    try {
      let verdict: Verdict;
      const f = file ?? picker.files?.[0];
      if (f) {
        const data = new FormData();
        data.append('file', f, f.name);
        if (email.value.trim()) data.append('recipient', email.value.trim());
        verdict = await api.post<Verdict>('/api/v1/verifications', data);
      } else if (text.value.trim()) {
        verdict = await api.post<Verdict>('/api/v1/verifications', bodyFor(text.value, email.value));
      } else {
        showError(form, new ApiError(422, 'Nothing to verify', '', '', [{ field: 'url', message: 'choose a file or paste a URL, JWS or JSON.' }]));
        result.replaceChildren();
        return;
      }
      result.replaceChildren(verdictView(verdict));
    } catch (err) { result.replaceChildren(); showError(form, err); }
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  const zone = form.querySelector<HTMLElement>('.dropzone')!;
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault(); zone.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) void run(f);
  });
  picker.addEventListener('change', () => { if (picker.files?.[0]) void run(picker.files[0]); });
  if (q.get('url')) queueMicrotask(() => void run());
  return h('section', {}, h('h1', {}, 'Verify a badge'),
    h('p', {}, 'Check any Open Badges 2.0 badge: is it real, whose is it, and does it still stand? No sign-in needed.'), form, result);
}

function verdictView(v: Verdict): HTMLElement {
  const badge = label(v.badge);
  const issuer = label(v.issuer);
  const ok = (c: Check) => /pass|ok|success|valid/i.test(c.outcome);
  const skipped = (c: Check) => /skip|not.?applicable|n\/a/i.test(c.outcome);
  return h('div', { class: `verdict ${v.valid ? 'valid' : 'invalid'}` },
    h('h2', { tabindex: -1 }, v.valid ? '✓ Valid badge' : '✗ Not valid'),
    h('dl', { class: 'summary' },
      badge ? [h('dt', {}, 'Badge'), h('dd', {}, badge)] : null,
      issuer ? [h('dt', {}, 'Issuer'), h('dd', {}, issuer, v.trusted || v.recognised ? ' (recognised by your district)' : '')] : null,
      v.issuedOn ? [h('dt', {}, 'Issued'), h('dd', {}, date(v.issuedOn))] : null,
      v.expires ? [h('dt', {}, 'Expires'), h('dd', {}, date(v.expires))] : null),
    h('h3', {}, 'Checks'),
    h('ol', { class: 'checks' }, v.checks.map((c) => h('li', { class: ok(c) ? 'pass' : skipped(c) ? 'skip' : 'fail', 'data-check': c.id },
      h('span', { class: 'outcome' }, ok(c) ? 'Passed' : skipped(c) ? 'Skipped' : 'Failed'), ' ',
      h('strong', {}, c.id), ': ', c.message))));
}
