// Approval history (admins): every decided proposal, newest first, with the decision, who made it, the comment and
// what it committed from the budget.
import { date, money } from '../../core/format';
import type { Person } from '../people/types';
import type { Enrollment } from './types';
import { emptyState, h, pagedList } from '../../ui';
import { peopleApi } from '../people/api';
import { enrollmentApi } from './api';
import { t } from '../../core/i18n';

type Decided = Enrollment & { decidedBy?: string };
const OUTCOME = (): Record<string, string> => ({ ACTIVE: t('enrollment.history.approved'), COMPLETED: t('enrollment.history.approvedCompleted'), DECLINED: t('enrollment.history.declined'), RETURNED: t('enrollment.history.returned') });

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
    h('td', {}, e.templateTitle), h('td', {}, OUTCOME()[e.state] ?? e.state.toLowerCase()), h('td', {}, e.decidedBy ? names.get(e.decidedBy) ?? '—' : t('enrollment.history.automatic')),
    h('td', {}, e.decisionComment ?? ''), h('td', {}, money(e.committedCents)));
  const pager = await pagedList<Row>({ load: decidedPage, append: (rows) => tbody.append(...rows.map(row)), noun: 'decisions' });
  return h('section', {}, h('p', {}, h('a', { href: '/admin/approvals' }, t('enrollment.history.back'))), h('h1', {}, t('enrollment.history.title')),
    pager.items.length ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('enrollment.history.caption') }, h('table', {},
      h('thead', {}, h('tr', {}, [t('enrollment.history.decided'), t('enrollment.history.teacher'), t('enrollment.history.microcredential'), t('enrollment.history.decision'), t('enrollment.history.by'), t('enrollment.history.comment'), t('enrollment.history.committed')].map((c) => h('th', { scope: 'col' }, c)))),
      tbody))
      : emptyState(t('enrollment.history.none')),
    pager.footer);
}
