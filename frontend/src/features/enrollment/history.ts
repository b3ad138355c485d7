// Approval history (admins): every decided proposal, newest first, with the decision, who made it, the comment and
// what it committed from the budget.
import { date, money } from '../../core/format';
import { api } from '../../core/http';
import type { Person } from '../people/types';
import type { Enrollment } from './types';
import { emptyState, h } from '../../ui';

type Decided = Enrollment & { decidedBy?: string };
const OUTCOME: Record<string, string> = { ACTIVE: 'Approved', COMPLETED: 'Approved (completed)', DECLINED: 'Declined', RETURNED: 'Returned for changes' };

export async function approvalHistory(): Promise<Node> {
  const [all, people] = await Promise.all([api.get<Decided[]>('/api/v1/enrollments?scope=district'), api.get<Person[]>('/api/v1/people')]);
  const byId = new Map(people.map((p) => [p.id, p.displayName || p.email]));
  const decided = all.filter((e) => e.decidedAt).sort((a, b) => b.decidedAt!.localeCompare(a.decidedAt!));
  return h('section', {}, h('p', {}, h('a', { href: '/admin/approvals' }, '← Approvals')), h('h1', {}, 'Approval history'),
    decided.length ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Decided proposals' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Decided', 'Teacher', 'Microcredential', 'Decision', 'By', 'Comment', 'Committed'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, decided.map((e) => h('tr', {}, h('td', {}, date(e.decidedAt!)), h('th', { scope: 'row' }, byId.get(e.personId) ?? '—'),
        h('td', {}, e.templateTitle), h('td', {}, OUTCOME[e.state] ?? e.state.toLowerCase()), h('td', {}, e.decidedBy ? byId.get(e.decidedBy) ?? '—' : 'automatic'),
        h('td', {}, e.decisionComment ?? ''), h('td', {}, money(e.committedCents)))))))
      : emptyState('No proposal has been decided yet.'));
}
