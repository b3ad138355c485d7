// Roster import: an admin uploads the school's spreadsheet; every bad row is named by its number and nobody is
// imported until the file is right; uploading the same file again invites nobody twice.
import type { Person } from './types';
import { busy, csvPicker, h, pagedList, postCsv, rowProblemList, rowProblems, showError, status } from '../../ui';
import { peopleApi } from './api';

interface RowResult { row: number; email: string; outcome: 'INVITED' | 'ALREADY_IN_DISTRICT' | 'REPEATED_IN_FILE' }
interface Result { invited: number; alreadyInDistrict: number; rows: RowResult[] }

const SAMPLE = 'email,name,role,school,years\nana.lopez@school.org,Ana Lopez,teacher,Maple Elementary,4\nbo.chen@school.org,Bo Chen,teacher; coach,Oak Middle,12\n';

export function rosterImport(): Node {
  const picker = csvPicker('Roster file (CSV)',
    'Columns: email (required), name, role (teacher, assessor, coach or admin; several separated by ;), school, years. The first row names the columns.');
  const go = h('button', { type: 'submit', class: 'primary' }, 'Import and send invitations');
  const outcome = h('div', { 'aria-live': 'polite' });
  const sample = h('a', { href: `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE)}`, download: 'roster-example.csv' }, 'Download an example file');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'roster-h' },
    h('h2', { id: 'roster-h' }, 'Import a roster'), h('p', {}, 'Everyone new gets an invitation by email. People already in your district are left as they are, so uploading the same file again is safe. ', sample),
    picker.field, go, outcome);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      outcome.replaceChildren();
      form.querySelector('.form-error')?.remove();
      const file = picker.input.files?.[0];
      if (!file) { outcome.replaceChildren(status('Choose the roster file first.', 'warn')); picker.input.focus(); return; }
      try {
        const r = await postCsv<Result>('/api/v1/people/import', file);
        outcome.replaceChildren(status(`${r.invited} ${r.invited === 1 ? 'person' : 'people'} invited, ${r.alreadyInDistrict} already in your district.`, 'ok'),
          h('ul', { class: 'row-results' }, r.rows.map((x) => h('li', {}, `Row ${x.row}: ${x.email}: `,
            x.outcome === 'INVITED' ? 'invited' : x.outcome === 'ALREADY_IN_DISTRICT' ? 'already in your district' : 'listed twice in the file'))));
      } catch (err) {
        const rows = rowProblems(err);
        if (rows) { const list = rowProblemList('Nobody was imported', rows); outcome.replaceChildren(list); list.focus(); }
        else showError(form, err);
      }
    });
  });
  return form;
}

/** People search and roles at a glance: a filterable table of everyone in the district. */
export async function directory(): Promise<Node> {
  let list: Person[] = [];
  const search = h('input', { type: 'search', placeholder: 'Name, email or school', autocomplete: 'off' });
  const role = h('select', {}, h('option', { value: '' }, 'Any role'), [['TEACHER', 'Teachers'], ['ASSESSOR', 'Assessors'], ['COACH', 'Coaches'], ['DISTRICT_ADMIN', 'Admins']]
    .map(([v, l]) => h('option', { value: v }, l)));
  const count = h('p', { class: 'meta', 'aria-live': 'polite' });
  const tbody = h('tbody', {});
  const mark = (p: Person, r: string) => h('td', {}, p.roles.includes(r) ? h('span', { 'aria-label': 'yes' }, '✓') : h('span', { class: 'meta', 'aria-label': 'no' }, '–'));
  const show = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = list.filter((p) => (!role.value || p.roles.includes(role.value))
      && words.every((w) => `${p.displayName ?? ''} ${p.email} ${p.school ?? ''}`.toLowerCase().includes(w)));
    count.textContent = words.length || role.value ? `${found.length} of the ${list.length} people shown match` : `${list.length} people shown`;
    tbody.replaceChildren(...found.map((p) => h('tr', {},
      h('th', { scope: 'row' }, p.displayName || p.email, h('br', {}), h('span', { class: 'meta' }, p.email)),
      h('td', {}, p.school ?? ''), mark(p, 'TEACHER'), mark(p, 'ASSESSOR'), mark(p, 'COACH'), mark(p, 'DISTRICT_ADMIN'),
      h('td', {}, !p.active ? 'inactive' : p.passwordSet ? 'active' : 'invited'))));
  };
  search.addEventListener('input', show);
  role.addEventListener('change', show);
  // a page at a time: the search and the role filter apply to the people shown; "Show more" adds the next page
  const pager = await pagedList<Person>({ load: peopleApi.page, append: (_rows, all) => { list = all; show(); }, noun: 'people' });
  return h('section', {}, h('p', {}, h('a', { href: '/admin/people' }, '← People')), h('h1', {}, 'People and roles'),
    h('div', { class: 'filters row' },
      h('div', { class: 'field' }, h('label', { for: 'people-search' }, 'Search'), Object.assign(search, { id: 'people-search' })),
      h('div', { class: 'field' }, h('label', { for: 'people-role' }, 'Role'), Object.assign(role, { id: 'people-role' }))),
    count,
    // a region that scrolls sideways on a phone, reachable by keyboard
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'People and their roles' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Person', 'School', 'Teacher', 'Assessor', 'Coach', 'Admin', 'Status'].map((c) => h('th', { scope: 'col' }, c)))), tbody)),
    pager.footer,
    rosterImport());
}
