import { api, ApiError, date, money } from '../api';
import { busy, field, h, input, select, showError, status, textarea, toast } from '../dom';
import { navigate } from '../app';
import { emptyContent } from './editor';
import type { AssertionView, Enrollment } from '../types';

// ---- templates and library -------------------------------------------------------------------------------------

interface Summary { id: string; familyId: string; version: number; status: string; title: string; libraryKey?: string; tierCount: number; totalStipendCents: number; publishedAt?: string }
interface LibraryItem { key: string; origin: string; title: string; summary: string; tierCount: number; totalStipendCents: number }

export async function templates(): Promise<Node> {
  const [list, library] = await Promise.all([api.get<Summary[]>('/api/v1/templates'), api.get<LibraryItem[]>('/api/v1/library')]);
  const section = h('section', {});
  const create = h('button', { type: 'button', class: 'primary' }, 'New template');
  const key = crypto.randomUUID(); // one key per page view: a double click creates one draft
  create.addEventListener('click', () => void busy(create, async () => {
    try {
      const v = await api.post<{ id: string }>('/api/v1/templates', emptyContent(), { 'Idempotency-Key': key });
      navigate(`/admin/templates/${v.id}`);
    } catch (err) { showError(section, err); }
  }));
  const adopted = new Set(list.map((t) => t.libraryKey).filter(Boolean));
  section.append(h('h1', {}, 'Templates'), h('p', {}, create),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Title', 'Version', 'Status', 'Tiers', 'Stipend'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map((t) => h('tr', {},
        h('td', {}, h('a', { href: `/admin/templates/${t.id}` }, t.title || '(untitled)')), h('td', {}, String(t.version)),
        h('td', {}, h('span', { class: `pill pill-${t.status.toLowerCase()}` }, t.status.toLowerCase())), h('td', {}, String(t.tierCount)),
        h('td', {}, money(t.totalStipendCents))))))),
    h('h2', {}, 'Starter library'),
    h('ul', { class: 'cards' }, library.map((l) => {
      const adopt = h('button', { type: 'button' }, adopted.has(l.key) ? 'Adopt another copy' : 'Adopt');
      const li = h('li', { class: 'card' }, h('h3', {}, l.title), h('p', {}, l.summary), h('p', { class: 'meta' }, `${l.origin} · ${l.tierCount} tiers · ${money(l.totalStipendCents)}`), adopt);
      adopt.addEventListener('click', () => void busy(adopt, async () => {
        try {
          const v = await api.post<{ id: string }>(`/api/v1/library/${encodeURIComponent(l.key)}/adopt${adopted.has(l.key) ? '?copy=true' : ''}`);
          navigate(`/admin/templates/${v.id}`);
        } catch (err) { showError(li, err); }
      }));
      return li;
    })));
  return section;
}

// ---- approvals with the budget in view -------------------------------------------------------------------------

interface Budget { fiscalYear: string; budgetCents: number; committedCents: number; paidCents: number; remainingCents: number }

export async function approvals(): Promise<Node> {
  const [waiting, budget] = await Promise.all([
    api.get<Enrollment[]>('/api/v1/enrollments?scope=district&state=PROPOSED'), api.get<Budget>('/api/v1/budget')]);
  const names = new Map((await api.get<Person[]>('/api/v1/people').catch(() => [] as Person[])).map((p) => [p.id, p.displayName || p.email]));
  const totals = await Promise.all(waiting.map((e) => api.get<{ totalStipendCents: number }>(`/api/v1/catalogue/${e.templateId}`).then((t) => t.totalStipendCents).catch(() => 0)));
  const used = budget.budgetCents ? Math.min(100, Math.round(((budget.budgetCents - budget.remainingCents) / budget.budgetCents) * 100)) : 0;
  return h('section', {}, h('h1', {}, 'Proposals to approve'),
    h('div', { class: 'budget', role: 'group', 'aria-label': 'Budget' },
      h('p', {}, `Fiscal year ${budget.fiscalYear}: ${money(budget.remainingCents)} of ${money(budget.budgetCents)} remaining (${money(budget.committedCents)} committed, ${money(budget.paidCents)} paid).`),
      h('meter', { min: 0, max: 100, value: used, 'aria-label': 'Share of the budget committed or paid' }, `${used}%`)),
    waiting.length === 0 ? h('p', { role: 'status' }, 'No proposals are waiting.') : null,
    waiting.map((e, i) => {
      const comment = textarea({ rows: 2, maxlength: 4000 });
      const who = names.get(e.personId) ?? 'A teacher';
      const card = h('article', { class: 'card proposal', 'aria-label': `${who}: ${e.templateTitle}` }, h('h2', {}, `${who}: ${e.templateTitle}`),
        h('p', { class: 'meta' }, `Proposed ${date(e.proposedAt)} · would commit ${money(totals[i])}${totals[i] > budget.remainingCents ? ' — more than remains' : ''}`),
        e.proposal ? h('dl', { class: 'summary' }, h('dt', {}, 'Topic'), h('dd', {}, e.proposal.topic), h('dt', {}, 'Sources'),
          h('dd', {}, h('ul', {}, e.proposal.sources.map((s) => h('li', {}, s)))), h('dt', {}, 'Plan'), h('dd', {}, e.proposal.plan)) : null,
        field(`Comment to ${who} (needed to return or decline)`, comment, { name: 'comment' }));
      const act = (decision: string, label: string, cls = '') => {
        const b = h('button', { type: 'button', class: cls }, label);
        b.addEventListener('click', () => void busy(b, async () => {
          try {
            await api.post(`/api/v1/enrollments/${e.id}/decision`, { decision, comment: comment.value.trim() || null });
            toast(`${label}: ${e.templateTitle}`);
            navigate(location.pathname, true);
          } catch (err) { showError(card, err); }
        }));
        return b;
      };
      card.append(h('div', { class: 'actions' }, act('DECLINE', 'Decline', 'danger'), act('RETURN', 'Return for changes'), act('APPROVE', 'Approve', 'primary')));
      return card;
    }));
}

// ---- people and invitations ------------------------------------------------------------------------------------

interface Person { id: string; email: string; displayName?: string; roles: string[]; school?: string; yearsOfExperience?: number; coachId?: string; active: boolean; passwordSet: boolean }
const ROLES: Array<[string, string]> = [['TEACHER', 'Teacher'], ['ASSESSOR', 'Assessor'], ['COACH', 'Coach'], ['DISTRICT_ADMIN', 'District admin']];

function rolesField(selected: string[], prefix: string): HTMLFieldSetElement {
  return h('fieldset', { class: 'roles', 'data-field': 'roles' }, h('legend', {}, 'Roles'),
    ROLES.map(([v, l]) => h('span', { class: 'check' }, h('input', { type: 'checkbox', id: `${prefix}-${v}`, value: v, checked: selected.includes(v) }), h('label', { for: `${prefix}-${v}` }, l))),
    h('p', { class: 'field-error' }));
}
const checkedRoles = (fs: Element) => [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

export async function people(): Promise<Node> {
  const list = await api.get<Person[]>('/api/v1/people');
  const email = input({ type: 'email', autocomplete: 'off' });
  const name = input();
  const school = input();
  const years = input({ type: 'number', min: 0, max: 60 });
  const roles = rolesField(['TEACHER'], 'invite');
  const coach = select([['', 'No coach'], ...list.filter((x) => x.roles.includes('COACH') && x.active).map((x): [string, string] => [x.id, x.displayName || x.email])]);
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send invitation');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'invite-h' }, h('h2', { id: 'invite-h' }, 'Invite someone'),
    field('Email', email, { name: 'email' }), field('Name', name, { name: 'displayName' }), field('School', school, { name: 'school' }),
    field('Years of experience', years, { name: 'yearsOfExperience' }), field('Coach (optional)', coach, { name: 'coachId', hint: 'A coach does not assess the teachers they coach.' }), roles, send);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(send, async () => {
      try {
        await api.post('/api/v1/people', { email: email.value.trim(), displayName: name.value.trim() || null, roles: checkedRoles(roles),
          school: school.value.trim() || null, yearsOfExperience: years.value ? Number(years.value) : null, coachId: coach.value || null });
        toast(`Invitation sent to ${email.value}`);
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', {}, h('h1', {}, 'People'), form, h('h2', {}, `${list.length} people`),
    h('ul', { class: 'people' }, list.map((p) => personRow(p))));
}

function personRow(p: Person): HTMLElement {
  const roles = rolesField(p.roles, `p-${p.id}`);
  const save = h('button', { type: 'button' }, 'Save roles');
  const toggle = h('button', { type: 'button', class: p.active ? 'danger' : '' }, p.active ? 'Deactivate' : 'Reactivate');
  const li = h('li', { class: 'card' }, h('h3', {}, p.displayName || p.email),
    h('p', { class: 'meta' }, [p.email, p.school, p.yearsOfExperience != null ? `${p.yearsOfExperience} years` : null,
      !p.passwordSet ? 'invitation pending' : null, !p.active ? 'inactive' : null].filter(Boolean).join(' · ')),
    h('details', {}, h('summary', {}, `Change ${p.displayName || p.email}`), roles, h('div', { class: 'actions' }, save, toggle)));
  save.addEventListener('click', () => void busy(save, async () => {
    try {
      await api.put(`/api/v1/people/${p.id}`, { displayName: p.displayName || p.email, roles: checkedRoles(roles), school: p.school ?? null,
        yearsOfExperience: p.yearsOfExperience ?? null, coachId: p.coachId ?? null });
      toast('Roles saved');
    } catch (err) { showError(li, err); }
  }));
  toggle.addEventListener('click', () => void busy(toggle, async () => {
    try { await api.post(`/api/v1/people/${p.id}/${p.active ? 'deactivate' : 'reactivate'}`); navigate(location.pathname, true); } catch (err) { showError(li, err); }
  }));
  return li;
}

// ---- badges issued: revocation and bulk award ------------------------------------------------------------------

interface BadgeClass { id: string; url: string; tierKey?: string; name: string }
interface Job { id: string; total: number; processed: number; failed: number; status: string; errors?: Array<{ index: number; email?: string; message: string }> }

export async function issued(): Promise<Node> {
  const [list, published] = await Promise.all([api.get<AssertionView[]>('/api/v1/assertions?size=100'),
    api.get<Summary[]>('/api/v1/templates?status=PUBLISHED')]);
  return h('section', {}, h('h1', {}, 'Badges issued'), bulkAward(published),
    h('h2', {}, 'Recent badges'),
    h('ul', { class: 'people' }, list.map((a) => {
      const reason = input({ maxlength: 500 });
      const li = h('li', { class: `card${a.revoked ? ' revoked' : ''}` },
        h('h3', {}, a.recipientName ?? a.recipientEmail), h('p', { class: 'meta' }, `${a.recipientEmail} · issued ${date(a.issuedOn)}${a.tierKey ? ' · ' + a.tierKey : ''}`),
        h('p', {}, h('a', { href: `/badge/${a.id}` }, 'Public page')));
      if (a.revoked) {
        const b = h('button', { type: 'button' }, 'Reinstate');
        b.addEventListener('click', () => void busy(b, async () => { try { await api.post(`/api/v1/assertions/${a.id}/reinstate`); navigate(location.pathname, true); } catch (err) { showError(li, err); } }));
        li.append(status(`Revoked: ${a.revocationReason ?? ''}`, 'warn'), b);
      } else {
        const b = h('button', { type: 'button', class: 'danger' }, 'Revoke');
        b.addEventListener('click', () => void busy(b, async () => {
          try { await api.post(`/api/v1/assertions/${a.id}/revoke`, { reason: reason.value }); toast('Revoked'); navigate(location.pathname, true); } catch (err) { showError(li, err); }
        }));
        li.append(h('details', {}, h('summary', {}, `Revoke this badge`), field('Reason (shown publicly)', reason, { name: 'reason' }), b));
      }
      return li;
    })));
}

function bulkAward(published: Summary[]): HTMLElement {
  const template = select([['', 'Choose a microcredential'], ...published.map((t): [string, string] => [t.id, t.title])]);
  const badge = select([['', 'Choose a microcredential first']]);
  template.addEventListener('change', async () => {
    const classes = template.value ? await api.get<BadgeClass[]>(`/api/v1/templates/${template.value}/badge-classes`) : [];
    badge.replaceChildren(...classes.map((c) => h('option', { value: c.id }, c.name)));
  });
  const csv = textarea({ rows: 5, placeholder: 'email,name\nana@school.org,Ana Ruiz' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Award');
  const progress = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'bulk-h' }, h('h2', { id: 'bulk-h' }, 'Bulk award'),
    field('Microcredential', template), field('Badge', badge, { name: 'badgeClassId' }),
    field('Recipients (CSV: email,name)', csv, { name: 'recipients' }), go, progress);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      try {
        if (!badge.value) throw new ApiError(422, 'Choose a badge', '', '', [{ field: 'badgeClassId', message: 'choose the badge to award' }]);
        const body = csv.value.trim().startsWith('email') ? csv.value.trim() : `email,name\n${csv.value.trim()}`;
        let job = await api.post<Job>(`/api/v1/badges/${badge.value}/bulk-awards`, new Blob([body], { type: 'text/csv' }), { 'Content-Type': 'text/csv' });
        const bar = h('progress', { max: job.total, value: job.processed, 'aria-label': 'Bulk award progress' });
        const line = h('p', {});
        progress.replaceChildren(bar, line);
        while (true) {
          bar.value = job.processed;
          line.textContent = `${job.processed} of ${job.total} processed, ${job.failed} failed (${job.status.toLowerCase()})`;
          if (!/QUEUED|RUNNING|PENDING/i.test(job.status)) break;
          await new Promise((r) => setTimeout(r, 1000));
          job = await api.get<Job>(`/api/v1/bulk-awards/${job.id}`);
        }
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

// ---- reports ---------------------------------------------------------------------------------------------------

interface FunnelStep { step: string; count: number; percentOfEnrolled: number }
interface TierFigures { key: string; title: string; started: number; submitted: number; returned: number; passed: number; waiting: number; decisions: number; medianHoursToDecision?: number | null }
interface TemplateReport { title: string; funnel: FunnelStep[]; tiers: TierFigures[]; medianHoursToDecision?: number | null }
interface Group { name: string; teachers: number; enrolled: number; earning: number; passedATier: number; completed: number; notStarted: number; participationPercent: number; stipendCents: number }
interface Participation { district: Group; bySchool: Group[]; byExperience: Group[] }
interface Coverage { alignments: Array<{ framework: string; code: string; name: string; publishedMicrocredentials: number; awards: number }> }

/** A bar chart that is also a table, so screen readers read the numbers. */
function bars(title: string, rows: Array<[string, number]>, unit = ''): HTMLElement {
  const max = Math.max(1, ...rows.map(([, v]) => v));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title),
    rows.length ? h('table', { class: 'bars' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Group'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k),
        h('td', {}, h('span', { class: 'bar', style: `width:${Math.max(2, (v / max) * 100)}%` }), ` ${v}${unit}`)))))
      : h('p', { class: 'meta' }, 'No data yet.'));
}

const hours = (x?: number | null) => (x == null ? 'no decisions yet' : x < 48 ? `${x.toFixed(1)} hours` : `${(x / 24).toFixed(1)} days`);

export async function reports(_: unknown, q: URLSearchParams): Promise<Node> {
  const [published, participation, coverage] = await Promise.all([
    api.get<Summary[]>('/api/v1/templates?status=PUBLISHED'), api.get<Participation>('/api/v1/reports/participation'),
    api.get<Coverage>('/api/v1/reports/coverage')]);
  const chosen = q.get('template') ?? published[0]?.id;
  const report = chosen ? await api.get<TemplateReport>(`/api/v1/reports/templates/${encodeURIComponent(chosen)}`).catch(() => null) : null;
  const picker = select(published.map((t): [string, string] => [t.id, t.title]), {}, chosen ?? undefined);
  picker.addEventListener('change', () => navigate(`/admin/reports?template=${encodeURIComponent(picker.value)}`));
  const d = participation.district;
  return h('section', { class: 'reports' }, h('h1', {}, 'Reports'),
    h('p', {}, `${d.enrolled} of ${d.teachers} teachers take part (${d.participationPercent}%); ${d.passedATier} passed a tier; ${money(d.stipendCents)} in stipends earned. `,
      h('a', { href: '/api/v1/stipends.csv', download: 'stipends.csv' }, 'Download stipends (CSV)')),
    field('Microcredential', picker),
    h('div', { class: 'charts' },
      report ? bars(`Completion funnel: ${report.title}`, report.funnel.map((f): [string, number] => [f.step, f.count])) : null,
      report ? h('figure', { class: 'chart' }, h('figcaption', {}, `Time to decision: ${report.title}`),
        h('p', {}, `Median overall: ${hours(report.medianHoursToDecision)}`),
        h('table', {}, h('thead', {}, h('tr', {}, ['Tier', 'Submitted', 'Returned', 'Passed', 'Waiting', 'Median'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, report.tiers.map((t) => h('tr', {}, h('th', { scope: 'row' }, t.title), h('td', {}, String(t.submitted)), h('td', {}, String(t.returned)),
            h('td', {}, String(t.passed)), h('td', {}, String(t.waiting)), h('td', {}, hours(t.medianHoursToDecision))))))) : null,
      bars('Participation by school (% of teachers enrolled)', participation.bySchool.map((g): [string, number] => [g.name, g.participationPercent]), '%'),
      bars('Participation by experience (% of teachers enrolled)', participation.byExperience.map((g): [string, number] => [g.name, g.participationPercent]), '%'),
      bars('Coverage: published microcredentials per standard or cluster', coverage.alignments.map((a): [string, number] => [`${a.code} ${a.name}`, a.publishedMicrocredentials])),
      bars('Coverage: awards earned per standard or cluster', coverage.alignments.filter((a) => a.awards > 0).map((a): [string, number] => [`${a.code} ${a.name}`, a.awards]))));
}
