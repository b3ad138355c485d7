// An evaluator's month: every submission of the cohort's members in one month, together, each opening its review.
import { has, navigate } from '../../core/app';
import { date } from '../../core/format';
import { locale, t } from '../../core/i18n';
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
  const label = new Date(`${month}-15T12:00:00Z`).toLocaleDateString(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const waiting = items.filter((i) => i.state === 'SUBMITTED').length;
  return h('section', {}, h('h1', {}, t('cohort.monthHeading', { name: view.cohort.name, month: label })),
    h('p', { class: 'meta' }, `${view.cohort.templateTitle} · ${t('cohort.evaluatorIs', { name: view.evaluatorName || t('cohort.notSet') })} · ${t('cohort.teacherCount', { count: view.members.length })}`),
    field(t('cohort.month'), picker, { name: 'month' }),
    items.length === 0 ? emptyState(t('cohort.noSubmissions', { month: label }))
      : h('div', {}, h('p', { role: 'status' }, t('cohort.monthStatus', { count: items.length, month: label, waiting })),
        scrollTable(t('cohort.submissionsIn', { month: label }), h('table', {},
          h('caption', {}, t('cohort.submissionsIn', { month: label })),
          h('thead', {}, h('tr', {}, [t('cohort.colTeacher'), t('cohort.colWork'), t('cohort.colSubmitted'), t('cohort.colDue'), t('cohort.colState'), ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, items.map((i) => h('tr', {},
            h('td', {}, i.teacher), h('td', {}, `${i.tierTitle}${i.attempt > 1 ? t('cohort.attempt', { n: i.attempt }) : ''}`),
            h('td', {}, date(i.submittedAt), i.late ? h('span', { class: 'tag' }, t('cohort.late')) : null),
            h('td', {}, i.dueOn ? date(i.dueOn) : '—'),
            h('td', {}, t(i.state === 'SUBMITTED' ? 'cohort.waiting' : i.state === 'PASSED' ? 'cohort.passed' : 'cohort.returned')),
            h('td', {}, i.state === 'SUBMITTED' && i.mine ? h('a', { href: `/reviews/${encodeURIComponent(i.submissionId)}`, class: 'button primary' }, t('cohort.review', { teacher: i.teacher }))
              : h('a', { href: `/reviews/${encodeURIComponent(i.submissionId)}`, class: 'button' }, t('cohort.openSubmission', { teacher: i.teacher }))))))))),
    h('p', {}, has('DISTRICT_ADMIN') ? h('a', { href: `/admin/cohorts/${encodeURIComponent(p.id)}` }, t('cohort.backTo', { name: view.cohort.name }))
      : h('a', { href: '/cohorts' }, t('cohort.back'))));
}
