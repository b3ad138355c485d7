// Approval history (admins): every decided proposal, newest first, with the decision, who made it, the comment and
// what it committed from the budget.
import { date, money } from '../../core/format';
import type { Person } from '../people/types';
import type { Enrollment } from './types';
import { emptyState, h, pagedList } from '../../ui';
import { peopleApi } from '../people/api';
import { enrollmentApi } from './api';

type Decided = Enrollment & { decidedBy?: string };
const OUTCOME: Record<string, string> = { ACTIVE: 'Approved', COMPLETED: 'Approved (completed)', DECLINED: 'Declined', RETURNED: 'Returned for changes' };

interface Row { e: Decided; names: Map<string, string> }

/** A page of decided proposals, newest decision first, with the names of the teachers and deciders on it. */
async function decidedPage(page: number, size: number): Promise<Row[]> {
  const decided = await enrollmentApi.decided<Decided>(page, size);
  const people = await peopleApi.byIds(decided.flatMap((e) => [e.personId, e.decidedBy])).catch(() => [] as Person[]);
  const names = new Map(people.map((p) => [p.id, p.displayName || p.email]));
  return decided.map((e) => ({ e, names }));
}

export async function approvalHistory(): Promise<Node> {
  const tbody = h('tbody', {});
  const row = ({ e, names }: Row) => h('tr', {}, h('td', {}, date(e.decidedAt!)), h('th', { scope: 'row' }, names.get(e.personId) ?? '—'),
    h('td', {}, e.templateTitle), h('td', {}, OUTCOME[e.state] ?? e.state.toLowerCase()), h('td', {}, e.decidedBy ? names.get(e.decidedBy) ?? '—' : 'automatic'),
    h('td', {}, e.decisionComment ?? ''), h('td', {}, money(e.committedCents)));
  const pager = await pagedList<Row>({ load: decidedPage, append: (rows) => tbody.append(...rows.map(row)), noun: 'decisions' });
  return h('section', {}, h('p', {}, h('a', { href: '/admin/approvals' }, '← Approvals')), h('h1', {}, 'Approval history'),
    pager.items.length ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Decided proposals' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Decided', 'Teacher', 'Microcredential', 'Decision', 'By', 'Comment', 'Committed'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody))
      : emptyState('No proposal has been decided yet.'),
    pager.footer);
}
