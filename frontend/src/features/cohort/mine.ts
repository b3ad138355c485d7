// A teacher's cohorts: what is due next, and every due date with where the teacher stands on it.
import { date } from '../../core/format';
import { emptyState, h, scrollTable } from '../../ui';
import { t } from '../../core/i18n';
import { cohortApi, status, what, type MyCohort } from './api';

export async function myCohorts(): Promise<Node> {
  const mine = await cohortApi.mine();
  const section = h('section', {}, h('h1', {}, t('titles.dueDates')));
  if (!mine.length) {
    section.append(emptyState(t('cohort.noCohort'), h('a', { href: '/my/enrollments' }, t('cohort.myWork'))));
    return section;
  }
  for (const c of mine) section.append(card(c));
  return section;
}

function card(c: MyCohort): HTMLElement {
  const next = c.next;
  return h('article', { class: 'card cohort', 'aria-label': c.name },
    h('h2', {}, c.name),
    h('p', { class: 'meta' }, `${c.templateTitle} · ${t('cohort.window', { opens: date(c.opensOn), closes: date(c.closesOn) })} · ${t(c.acceptLate ? 'cohort.lateAccepted' : 'cohort.lateRefused')}`),
    next ? h('p', { class: `status ${next.status === 'OVERDUE' ? 'status-warn' : ''}`, role: 'status' },
      t(next.status === 'OVERDUE' ? 'cohort.nextOverdue' : next.status === 'RETURNED' ? 'cohort.nextReturned' : 'cohort.nextDue', { what: what(next), date: date(next.dueOn) }),
      h('a', { href: `/my/enrollments/${encodeURIComponent(c.enrollmentId)}/tiers/${encodeURIComponent(next.tierKey)}` }, t('cohort.openWork')))
      : h('p', { class: 'status status-ok', role: 'status' }, t('cohort.allIn')),
    scrollTable(t('cohort.dueTable', { name: c.name }), h('table', {},
      h('caption', {}, t('cohort.everyDue')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cohort.colWork')), h('th', { scope: 'col' }, t('cohort.colDue')), h('th', { scope: 'col' }, t('cohort.colStatus')))),
      h('tbody', {}, c.due.map((d) => h('tr', {}, h('td', {}, what(d)), h('td', {}, date(d.dueOn)), h('td', {}, status(d.status))))))),
    h('p', {}, h('a', { href: `/my/enrollments/${encodeURIComponent(c.enrollmentId)}` }, t('cohort.goTo', { template: c.templateTitle }))));
}
