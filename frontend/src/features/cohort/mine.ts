// A teacher's cohorts: what is due next, and every due date with where the teacher stands on it.
import { date } from '../../core/format';
import { emptyState, h, scrollTable } from '../../ui';
import { cohortApi, STATUS, what, type MyCohort } from './api';

export async function myCohorts(): Promise<Node> {
  const mine = await cohortApi.mine();
  const section = h('section', {}, h('h1', {}, 'Due dates'));
  if (!mine.length) {
    section.append(emptyState('You are in no cohort: you work at your own pace, with no due dates.', h('a', { href: '/my/enrollments' }, 'My work')));
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
      h('a', { href: `/my/enrollments/${encodeURIComponent(c.enrollmentId)}/tiers/${encodeURIComponent(next.tierKey)}` }, 'Open the work'))
      : h('p', { class: 'status status-ok', role: 'status' }, 'Nothing is due: everything is in.'),
    scrollTable(`Due dates of ${c.name}`, h('table', {},
      h('caption', {}, 'Every due date'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Work'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Status'))),
      h('tbody', {}, c.due.map((d) => h('tr', {}, h('td', {}, what(d)), h('td', {}, date(d.dueOn)), h('td', {}, STATUS[d.status])))))),
    h('p', {}, h('a', { href: `/my/enrollments/${encodeURIComponent(c.enrollmentId)}` }, `Go to ${c.templateTitle}`)));
}
