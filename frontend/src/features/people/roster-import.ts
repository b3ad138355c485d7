// Roster import: an admin uploads the school's spreadsheet; every bad row is named by its number and nobody is
// imported until the file is right; uploading the same file again invites nobody twice.
import type { Person } from './types';
import { busy, csvPicker, h, pagedList, postCsv, rowProblemList, rowProblems, showError, status } from '../../ui';
import { peopleApi } from './api';
import { t } from '../../core/i18n';

interface RowResult { row: number; email: string; outcome: 'INVITED' | 'ALREADY_IN_DISTRICT' | 'REPEATED_IN_FILE' }
interface SupervisorSet { row: number; school: string; email: string }
interface Result { invited: number; alreadyInDistrict: number; rows: RowResult[]; supervisors?: SupervisorSet[] }

const SAMPLE = 'email,name,role,school,years,supervisor\nana.lopez@school.org,Ana Lopez,teacher,Maple Elementary,4,\nbo.chen@school.org,Bo Chen,teacher; coach,Oak Middle,12,\npat.park@school.org,Pat Park,admin,Maple Elementary,15,yes\n';

export function rosterImport(): Node {
  const picker = csvPicker(t('people.rosterImport.file'),
    t('people.rosterImport.fileHint'));
  const go = h('button', { type: 'submit', class: 'primary' }, t('people.rosterImport.import'));
  const outcome = h('div', { 'aria-live': 'polite' });
  const sample = h('a', { href: `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE)}`, download: 'roster-example.csv' }, t('people.rosterImport.example'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'roster-h' },
    h('h2', { id: 'roster-h' }, t('people.rosterImport.title')), h('p', {}, t('people.rosterImport.intro'), sample),
    picker.field, go, outcome);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      outcome.replaceChildren();
      form.querySelector('.form-error')?.remove();
      const file = picker.input.files?.[0];
      if (!file) { outcome.replaceChildren(status(t('people.rosterImport.chooseFirst'), 'warn')); picker.input.focus(); return; }
      try {
        const r = await postCsv<Result>('/api/v1/people/import', file);
        outcome.replaceChildren(status(t('people.rosterImport.result', { invited: t('people.rosterImport.peopleN', { count: r.invited }), already: r.alreadyInDistrict }), 'ok'),
          h('ul', { class: 'row-results' }, r.rows.map((x) => h('li', {}, t('people.rosterImport.rowResult', { row: x.row, email: x.email }),
            x.outcome === 'INVITED' ? t('people.rosterImport.invited') : x.outcome === 'ALREADY_IN_DISTRICT' ? t('people.rosterImport.already') : t('people.rosterImport.twice')))),
          r.supervisors?.length ? h('ul', { class: 'row-results' }, r.supervisors.map((s) => h('li', {}, t('people.rosterImport.supervisorSet',
            { row: s.row, email: s.email, school: s.school === '*' ? t('people.rosterImport.everySchool') : s.school })))) : '');
      } catch (err) {
        const rows = rowProblems(err);
        if (rows) { const list = rowProblemList(t('people.rosterImport.nobody'), rows); outcome.replaceChildren(list); list.focus(); }
        else showError(form, err);
      }
    });
  });
  return form;
}

/** People search and roles at a glance: a filterable table of everyone in the district. */
export async function directory(): Promise<Node> {
  let list: Person[] = [];
  const search = h('input', { type: 'search', placeholder: t('people.rosterImport.searchPlaceholder'), autocomplete: 'off' });
  const role = h('select', {}, h('option', { value: '' }, t('people.rosterImport.anyRole')), [['TEACHER', t('people.rosterImport.teachers')], ['ASSESSOR', t('people.rosterImport.assessors')], ['COACH', t('people.rosterImport.coaches')], ['DISTRICT_ADMIN', t('people.rosterImport.admins')]]
    .map(([v, l]) => h('option', { value: v }, l)));
  const count = h('p', { class: 'meta', 'aria-live': 'polite' });
  const tbody = h('tbody', {});
  const mark = (p: Person, r: string) => h('td', {}, p.roles.includes(r) ? h('span', { 'aria-label': t('people.rosterImport.yes') }, '✓') : h('span', { class: 'meta', 'aria-label': t('people.rosterImport.no') }, '–'));
  const show = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = list.filter((p) => (!role.value || p.roles.includes(role.value))
      && words.every((w) => `${p.displayName ?? ''} ${p.email} ${p.school ?? ''}`.toLowerCase().includes(w)));
    count.textContent = words.length || role.value ? t('people.rosterImport.match', { foundCount: found.length, listCount: list.length }) : t('people.rosterImport.shown', { listCount: list.length });
    tbody.replaceChildren(...found.map((p) => h('tr', {},
      h('th', { scope: 'row' }, p.displayName || p.email, h('br', {}), h('span', { class: 'meta' }, p.email)),
      h('td', {}, p.school ?? ''), mark(p, 'TEACHER'), mark(p, 'ASSESSOR'), mark(p, 'COACH'), mark(p, 'DISTRICT_ADMIN'),
      h('td', {}, !p.active ? t('people.rosterImport.inactive') : p.passwordSet ? t('people.rosterImport.active') : t('people.rosterImport.invitedState')))));
  };
  search.addEventListener('input', show);
  role.addEventListener('change', show);
  // a page at a time: the search and the role filter apply to the people shown; "Show more" adds the next page
  const pager = await pagedList<Person>({ load: peopleApi.page, append: (_rows, all) => { list = all; show(); }, noun: 'people' });
  return h('section', {}, h('p', {}, h('a', { href: '/admin/people' }, t('people.rosterImport.back'))), h('h1', {}, t('people.rosterImport.title2')),
    h('div', { class: 'filters row' },
      h('div', { class: 'field' }, h('label', { for: 'people-search' }, t('people.rosterImport.search')), Object.assign(search, { id: 'people-search' })),
      h('div', { class: 'field' }, h('label', { for: 'people-role' }, t('people.rosterImport.role')), Object.assign(role, { id: 'people-role' }))),
    count,
    // a region that scrolls sideways on a phone, reachable by keyboard
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('people.rosterImport.tableLabel') }, h('table', {},
      h('thead', {}, h('tr', {}, [t('people.rosterImport.person'), t('people.rosterImport.school'), t('people.rosterImport.teacher'), t('people.rosterImport.assessor'), t('people.rosterImport.coach'), t('people.rosterImport.admin'), t('people.rosterImport.status')].map((c) => h('th', { scope: 'col' }, c)))), tbody)),
    pager.footer,
    rosterImport());
}
