// People and invitations.
import { navigate } from '../../core/app';
import { download, saveFile } from '../../core/http';
import type { Person } from './types';
import { busy, field, growingList, h, input, pagedList, select, showError, status, toast } from '../../ui';
import { date } from '../../core/format';
import { peopleApi } from './api';

const ROLES: Array<[string, string]> = [['TEACHER', 'Teacher'], ['ASSESSOR', 'Assessor'], ['COACH', 'Coach'], ['DISTRICT_ADMIN', 'District admin']];

function rolesField(selected: string[], prefix: string): HTMLFieldSetElement {
  return h('fieldset', { class: 'roles', 'data-field': 'roles' }, h('legend', {}, 'Roles'),
    ROLES.map(([v, l]) => h('span', { class: 'check' }, h('input', { type: 'checkbox', id: `${prefix}-${v}`, value: v, checked: selected.includes(v) }), h('label', { for: `${prefix}-${v}` }, l))),
    h('p', { class: 'field-error' }));
}
const checkedRoles = (fs: Element) => [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

export async function people(q: URLSearchParams = new URLSearchParams()): Promise<Node> {
  const left = q.get('left') === '1';
  const coaches = await peopleApi.withRole('COACH');
  const email = input({ type: 'email', autocomplete: 'off' });
  const name = input();
  const school = input();
  const years = input({ type: 'number', min: 0, max: 60 });
  const roles = rolesField(['TEACHER'], 'invite');
  const coach = select([['', 'No coach'], ...coaches.filter((x) => x.active).map((x): [string, string] => [x.id, x.displayName || x.email])]);
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send invitation');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'invite-h' }, h('h2', { id: 'invite-h' }, 'Invite someone'),
    field('Email', email, { name: 'email' }), field('Name', name, { name: 'displayName' }), field('School', school, { name: 'school' }),
    field('Years of experience', years, { name: 'yearsOfExperience' }), field('Coach (optional)', coach, { name: 'coachId', hint: 'A coach does not assess the teachers they coach.' }), roles, send);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(send, async () => {
      try {
        await peopleApi.invite({ email: email.value.trim(), displayName: name.value.trim() || null, roles: checkedRoles(roles),
          school: school.value.trim() || null, yearsOfExperience: years.value ? Number(years.value) : null, coachId: coach.value || null });
        toast(`Invitation sent to ${email.value}`);
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  const rows = growingList<Person, 'ul'>('ul', { class: 'people' }, personRow);
  const pager = await pagedList({ load: left ? peopleApi.left : peopleApi.page, append: rows.append, noun: 'people' });
  return h('section', {}, h('h1', {}, 'People'),
    h('p', {}, h('a', { href: '/admin/people/roles' }, 'Search people, see roles at a glance, or import a roster from a spreadsheet')), form,
    h('p', {}, left ? h('a', { href: '/admin/people' }, 'Show everyone') : h('a', { href: '/admin/people?left=1' }, 'Show only people who left the district')),
    h('h2', {}, left ? 'People who left the district, by email' : 'Everyone in the district, by email'), rows.element, pager.footer);
}

function personRow(p: Person): HTMLElement {
  const roles = rolesField(p.roles, `p-${p.id}`);
  const save = h('button', { type: 'button' }, 'Save roles');
  const toggle = h('button', { type: 'button', class: p.active ? 'danger' : '' }, p.active ? 'Deactivate' : 'Reactivate');
  const departed = h('button', { type: 'button' }, p.departedAt ? 'Mark as back in the district' : 'Mark as left the district');
  const newEmail = input({ type: 'email', autocomplete: 'off' });
  const sendEmail = h('button', { type: 'submit' }, 'Change email');
  const emailOut = h('div', { 'aria-live': 'polite' });
  const emailForm = h('form', { novalidate: true, class: 'change-email' },
    field('New district email', newEmail, { name: 'email', hint: 'We mail the new address a link; the change takes effect when they open it. Their badges stay valid and theirs.' }),
    sendEmail, emailOut);
  // the signed learner record (CLR 2.0) of a teacher's current badges and hours, as the teacher downloads it
  const record = h('button', { type: 'button' }, 'Download learner record (CLR)');
  const recordStatus = h('p', { role: 'status', class: 'meta' });
  const li = h('li', { class: 'card' }, h('h3', {}, p.displayName || p.email),
    h('p', { class: 'meta' }, [p.email, p.school, p.yearsOfExperience != null ? `${p.yearsOfExperience} years` : null,
      !p.passwordSet ? 'invitation pending' : null, !p.active ? 'inactive' : null,
      p.departedAt ? `left the district ${date(p.departedAt)}` : null].filter(Boolean).join(' · ')),
    p.roles.includes('TEACHER') ? h('div', { class: 'actions' }, record, recordStatus) : null,
    h('details', {}, h('summary', {}, `Change ${p.displayName || p.email}`), roles, h('div', { class: 'actions' }, save, toggle, departed), emailForm));
  departed.addEventListener('click', () => void busy(departed, async () => {
    if (!p.departedAt && !confirm(`Mark ${p.displayName || p.email} as having left the district? They keep their badges and can sign in with a verified personal address to see them; nothing else.`)) return;
    try { await peopleApi.setDeparted(p.id, !p.departedAt); navigate(location.pathname + location.search, true); } catch (err) { showError(li, err); }
  }));
  emailForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(sendEmail, async () => {
      try {
        const change = await peopleApi.changeEmail(p.id, newEmail.value.trim());
        emailOut.replaceChildren(status(`We mailed a link to ${change.pendingEmail}. The email changes when they open it (until ${date(change.linkExpiresAt)}).`, 'ok'));
      } catch (err) { showError(emailForm, err); }
    });
  });
  // the accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch) and says whose
  record.setAttribute('aria-label', `Download learner record (CLR) of ${p.displayName || p.email}`);
  record.addEventListener('click', () => void busy(record, async () => {
    recordStatus.textContent = '';
    try {
      const { blob, filename } = await download(`/api/v1/people/${encodeURIComponent(p.id)}/learner-record`);
      saveFile(blob, filename);
      recordStatus.textContent = `Downloaded ${filename}.`;
    } catch (err) { showError(li, err); }
  }));
  save.addEventListener('click', () => void busy(save, async () => {
    try {
      await peopleApi.update(p.id, { displayName: p.displayName || p.email, roles: checkedRoles(roles), school: p.school ?? null,
        yearsOfExperience: p.yearsOfExperience ?? null, coachId: p.coachId ?? null });
      toast('Roles saved');
    } catch (err) { showError(li, err); }
  }));
  toggle.addEventListener('click', () => void busy(toggle, async () => {
    try { await peopleApi.setActive(p.id, !p.active); navigate(location.pathname, true); } catch (err) { showError(li, err); }
  }));
  return li;
}
