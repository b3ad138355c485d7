// An evaluator's month: every submission of the cohort's members in one month, together, each opening its review.
import { has, navigate } from '../../core/app';
import { date } from '../../core/format';
import { emptyState, field, h, input, scrollTable } from '../../ui';
import { cohortApi, thisMonth } from './api';

export async function cohortMonth(p: { id: string }): Promise<Node> {
  const params = new URLSearchParams(location.search);
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : thisMonth();
  const [view, items] = await Promise.all([cohortApi.get(p.id), cohortApi.month(p.id, month)]);
  const picker = input({ type: 'month', value: month, name: 'month' });
  picker.addEventListener('change', () => {
    if (/^\d{4}-\d{2}$/.test(picker.value)) navigate(`/cohorts/${encodeURIComponent(p.id)}/month?month=${picker.value}`);
  });
  const label = new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const waiting = items.filter((i) => i.state === 'SUBMITTED').length;
  return h('section', {}, h('h1', {}, `${view.cohort.name}: ${label}`),
    h('p', { class: 'meta' }, `${view.cohort.templateTitle} · evaluator ${view.evaluatorName || 'not set'} · ${view.members.length} teachers`),
    field('Month', picker, { name: 'month' }),
    items.length === 0 ? emptyState(`No submissions in ${label}.`)
      : h('div', {}, h('p', { role: 'status' }, `${items.length} submissions in ${label}; ${waiting} waiting for review.`),
        scrollTable(`Submissions in ${label}`, h('table', {},
          h('caption', {}, `Submissions in ${label}`),
          h('thead', {}, h('tr', {}, ['Teacher', 'Work', 'Submitted', 'Due', 'State', ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, items.map((i) => h('tr', {},
            h('td', {}, i.teacher), h('td', {}, `${i.tierTitle}${i.attempt > 1 ? ` (attempt ${i.attempt})` : ''}`),
            h('td', {}, date(i.submittedAt), i.late ? h('span', { class: 'tag' }, ' late') : null),
            h('td', {}, i.dueOn ? date(i.dueOn) : '—'),
            h('td', {}, i.state === 'SUBMITTED' ? 'Waiting' : i.state === 'PASSED' ? 'Passed' : 'Returned'),
            h('td', {}, i.state === 'SUBMITTED' && i.mine ? h('a', { href: `/reviews/${encodeURIComponent(i.submissionId)}`, class: 'button primary' }, `Review ${i.teacher}`)
              : h('a', { href: `/reviews/${encodeURIComponent(i.submissionId)}` }, `Open ${i.teacher}’s submission`)))))))),
    h('p', {}, has('DISTRICT_ADMIN') ? h('a', { href: `/admin/cohorts/${encodeURIComponent(p.id)}` }, `← ${view.cohort.name}`)
      : h('a', { href: '/cohorts' }, '← Cohorts')));
}
