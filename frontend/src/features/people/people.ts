// People and invitations.
import { navigate } from '../../core/app';
import { download, saveFile } from '../../core/http';
import type { Person } from './types';
import { busy, field, growingList, h, input, pagedList, select, showError, status, toast } from '../../ui';
import { date } from '../../core/format';
import { peopleApi } from './api';
import { roleName, t } from '../../core/i18n';

const ROLES = (): Array<[string, string]> => ['TEACHER', 'ASSESSOR', 'COACH', 'DISTRICT_ADMIN'].map((r) => [r, roleName(r)]);

function rolesField(selected: string[], prefix: string): HTMLFieldSetElement {
  return h('fieldset', { class: 'roles', 'data-field': 'roles' }, h('legend', {}, t('people.page.roles')),
    ROLES().map(([v, l]) => h('span', { class: 'check' }, h('input', { type: 'checkbox', id: `${prefix}-${v}`, value: v, checked: selected.includes(v) }), h('label', { for: `${prefix}-${v}` }, l))),
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
  const coach = select([['', t('people.page.noCoach')], ...coaches.filter((x) => x.active).map((x): [string, string] => [x.id, x.displayName || x.email])]);
  const send = h('button', { type: 'submit', class: 'primary' }, t('people.page.send'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'invite-h' }, h('h2', { id: 'invite-h' }, t('people.page.invite')),
    field(t('people.page.email'), email, { name: 'email' }), field(t('people.page.name'), name, { name: 'displayName' }), field(t('people.page.school'), school, { name: 'school' }),
    field(t('people.page.years'), years, { name: 'yearsOfExperience' }), field(t('people.page.coach'), coach, { name: 'coachId', hint: t('people.page.coachHint') }), roles, send);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(send, async () => {
      try {
        await peopleApi.invite({ email: email.value.trim(), displayName: name.value.trim() || null, roles: checkedRoles(roles),
          school: school.value.trim() || null, yearsOfExperience: years.value ? Number(years.value) : null, coachId: coach.value || null });
        toast(t('people.page.invited', { value: email.value }));
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  const rows = growingList<Person, 'ul'>('ul', { class: 'people' }, personRow);
  const pager = await pagedList({ load: left ? peopleApi.left : peopleApi.page, append: rows.append, noun: 'people' });
  return h('section', {}, h('h1', {}, t('people.page.title')),
    h('p', {}, h('a', { href: '/admin/people/roles' }, t('people.page.searchLink'))), form,
    h('p', {}, left ? h('a', { href: '/admin/people' }, t('people.page.showEveryone')) : h('a', { href: '/admin/people?left=1' }, t('people.page.showLeft'))),
    h('h2', {}, left ? t('people.page.leftCaption') : t('people.page.everyoneCaption')), rows.element, pager.footer);
}

function personRow(p: Person): HTMLElement {
  const roles = rolesField(p.roles, `p-${p.id}`);
  const save = h('button', { type: 'button' }, t('people.page.saveRoles'));
  const toggle = h('button', { type: 'button', class: p.active ? 'danger' : '' }, p.active ? t('people.page.deactivate') : t('people.page.reactivate'));
  const departed = h('button', { type: 'button' }, p.departedAt ? t('people.page.markBack') : t('people.page.markLeft'));
  const newEmail = input({ type: 'email', autocomplete: 'off' });
  const sendEmail = h('button', { type: 'submit' }, t('people.page.changeEmail'));
  const emailOut = h('div', { 'aria-live': 'polite' });
  const emailForm = h('form', { novalidate: true, class: 'change-email' },
    field(t('people.page.newEmail'), newEmail, { name: 'email', hint: t('people.page.newEmailHint') }),
    sendEmail, emailOut);
  // the signed learner record (CLR 2.0) of a teacher's current badges and hours, as the teacher downloads it
  const record = h('button', { type: 'button' }, t('people.page.downloadClr'));
  const recordStatus = h('p', { role: 'status', class: 'meta' });
  const li = h('li', { class: 'card' }, h('h3', {}, p.displayName || p.email),
    h('p', { class: 'meta' }, [p.email, p.school, p.yearsOfExperience != null ? t('people.page.yearsN', { count: p.yearsOfExperience }) : null,
      !p.passwordSet ? t('people.page.pending') : null, !p.active ? t('people.page.inactive') : null,
      p.departedAt ? t('people.page.left', { departedAt: date(p.departedAt) }) : null].filter(Boolean).join(' · ')),
    p.roles.includes('TEACHER') ? h('div', { class: 'actions' }, record, recordStatus) : null,
    h('details', {}, h('summary', {}, t('people.page.change', { email: p.displayName || p.email })), roles, h('div', { class: 'actions' }, save, toggle, departed), emailForm));
  departed.addEventListener('click', () => void busy(departed, async () => {
    if (!p.departedAt && !confirm(t('people.page.confirmLeft', { email: p.displayName || p.email }))) return;
    try { await peopleApi.setDeparted(p.id, !p.departedAt); navigate(location.pathname + location.search, true); } catch (err) { showError(li, err); }
  }));
  emailForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(sendEmail, async () => {
      try {
        const change = await peopleApi.changeEmail(p.id, newEmail.value.trim());
        emailOut.replaceChildren(status(t('people.page.emailSent', { pendingEmail: change.pendingEmail, linkExpiresAt: date(change.linkExpiresAt) }), 'ok'));
      } catch (err) { showError(emailForm, err); }
    });
  });
  // the accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch) and says whose
  record.setAttribute('aria-label', t('people.page.downloadClrOf', { email: p.displayName || p.email }));
  record.addEventListener('click', () => void busy(record, async () => {
    recordStatus.textContent = '';
    try {
      const { blob, filename } = await download(`/api/v1/people/${encodeURIComponent(p.id)}/learner-record`);
      saveFile(blob, filename);
      recordStatus.textContent = t('people.page.downloaded', { filename: filename });
    } catch (err) { showError(li, err); }
  }));
  save.addEventListener('click', () => void busy(save, async () => {
    try {
      await peopleApi.update(p.id, { displayName: p.displayName || p.email, roles: checkedRoles(roles), school: p.school ?? null,
        yearsOfExperience: p.yearsOfExperience ?? null, coachId: p.coachId ?? null });
      toast(t('people.page.rolesSaved'));
    } catch (err) { showError(li, err); }
  }));
  toggle.addEventListener('click', () => void busy(toggle, async () => {
    try { await peopleApi.setActive(p.id, !p.active); navigate(location.pathname, true); } catch (err) { showError(li, err); }
  }));
  return li;
}
