// An evaluator's month: every submission of the cohort's members in one month, together, each opening its review.
import { has, navigate } from '../../core/app';
import { date } from '../../core/format';
import { emptyState, field, h, input, scrollTable } from '../../ui';
import { cohortApi, thisMonth } from './api';
import { locale, t } from '../../core/i18n';

export async function cohortMonth(p: { id: string }): Promise<Node> {
  const params = new URLSearchParams(location.search);
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : thisMonth();
  const [view, items] = await Promise.all([cohortApi.get(p.id), cohortApi.month(p.id, month)]);
  const picker = input({ type: 'month', value: month, name: 'month' });
  picker.addEventListener('change', () => {
    if (/^\d{4}-\d{2}$/.test(picker.value)) navigate(`/cohorts/${encodeURIComponent(p.id)}/month?month=${picker.value}`);
  });
  const label = new Date(`${month}-15T12:00:00Z`).toLocaleDateString(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const waiting = items.filter((i) => i.state === 'SUBMITTED').length;
  return h('section', {}, h('h1', {}, `${view.cohort.name}: ${label}`),
    h('p', { class: 'meta' }, `${view.cohort.templateTitle} · evaluator ${view.evaluatorName || 'not set'} · ${view.members.length} teachers`),
    field(t('cohort.month.month'), picker, { name: 'month' }),
    items.length === 0 ? emptyState(t('cohort.month.noSubmissions', { label: label }))
      : h('div', {}, h('p', { role: 'status' }, `${items.length} submissions in ${label}; ${waiting} waiting for review.`),
        scrollTable(t('cohort.month.submissionsIn', { label: label }), h('table', {},
          h('caption', {}, t('cohort.month.submissionsIn', { label: label })),
          h('thead', {}, h('tr', {}, [t('cohort.month.teacher'), t('cohort.month.work'), t('cohort.month.submitted'), t('cohort.month.due'), t('cohort.month.state'), ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, items.map((i) => h('tr', {},
            h('td', {}, i.teacher), h('td', {}, `${i.tierTitle}${i.attempt > 1 ? ` (attempt ${i.attempt})` : ''}`),
            h('td', {}, date(i.submittedAt), i.late ? h('span', { class: 'tag' }, ' late') : null),
            h('td', {}, i.dueOn ? date(i.dueOn) : '—'),
            h('td', {}, i.state === 'SUBMITTED' ? t('cohort.month.waiting') : i.state === 'PASSED' ? t('cohort.month.passed') : t('cohort.month.returned')),
            h('td', {}, i.state === 'SUBMITTED' && i.mine ? h('a', { href: `/reviews/${encodeURIComponent(i.submissionId)}`, class: 'button primary' }, t('cohort.month.review', { teacher: i.teacher }))
              : h('a', { href: `/reviews/${encodeURIComponent(i.submissionId)}` }, t('cohort.month.open', { teacher: i.teacher }))))))))),
    h('p', {}, has('DISTRICT_ADMIN') ? h('a', { href: `/admin/cohorts/${encodeURIComponent(p.id)}` }, `← ${view.cohort.name}`)
      : h('a', { href: '/cohorts' }, t('cohort.month.back'))));
}
