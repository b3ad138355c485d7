// A teacher's cohorts: what is due next, and every due date with where the teacher stands on it.
import { date } from '../../core/format';
import { emptyState, h, scrollTable } from '../../ui';
import { cohortApi, STATUS, what, type MyCohort } from './api';
import { t } from '../../core/i18n';

export async function myCohorts(): Promise<Node> {
  const mine = await cohortApi.mine();
  const section = h('section', {}, h('h1', {}, t('cohort.mine.title')));
  if (!mine.length) {
    section.append(emptyState(t('cohort.mine.noCohort'), h('a', { href: '/my/enrollments' }, t('cohort.mine.myWork'))));
    return section;
  }
  for (const c of mine) section.append(card(c));
  return section;
}

function card(c: MyCohort): HTMLElement {
  const next = c.next;
  return h('article', { class: 'card cohort', 'aria-label': c.name },
    h('h2', {}, c.name),
    h('p', { class: 'meta' }, `${c.templateTitle} · ${date(c.opensOn)} to ${date(c.closesOn)} · ${c.acceptLate ? 'late work accepted' : 'no late work accepted'}`),
    next ? h('p', { class: `status ${next.status === 'OVERDUE' ? 'status-warn' : ''}`, role: 'status' },
      `Next: ${what(next)}, ${next.status === 'OVERDUE' ? 'was due' : 'due'} ${date(next.dueOn)}${next.status === 'RETURNED' ? ' (returned for revision)' : ''}. `,
      h('a', { href: `/my/enrollments/${encodeURIComponent(c.enrollmentId)}/tiers/${encodeURIComponent(next.tierKey)}` }, t('cohort.mine.openWork')))
      : h('p', { class: 'status status-ok', role: 'status' }, t('cohort.mine.nothingDue')),
    scrollTable(t('cohort.mine.dueDatesOf', { name: c.name }), h('table', {},
      h('caption', {}, t('cohort.mine.every')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cohort.mine.work')), h('th', { scope: 'col' }, t('cohort.mine.due')), h('th', { scope: 'col' }, t('cohort.mine.status')))),
      h('tbody', {}, c.due.map((d) => h('tr', {}, h('td', {}, what(d)), h('td', {}, date(d.dueOn)), h('td', {}, STATUS[d.status])))))),
    h('p', {}, h('a', { href: `/my/enrollments/${encodeURIComponent(c.enrollmentId)}` }, t('cohort.mine.goTo', { templateTitle: c.templateTitle }))));
}
