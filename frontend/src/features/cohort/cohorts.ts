// Cohorts for administrators (open one with its calendar and evaluator, enroll a list, follow each teacher) and
// the list of cohorts an evaluator reviews.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { busy, emptyState, field, h, input, scrollTable, select, showError, textarea, toast } from '../../ui';
import { peopleApi } from '../people/api';
import { templateApi } from '../template/api';
import type { Preview } from '../template/types';
import { cohortApi, STATUS, thisMonth, type Cohort, type Deadline, type Outcome } from './api';

function list(cohorts: Cohort[], href: (c: Cohort) => string): HTMLElement {
  return scrollTable('Cohorts', h('table', {},
    h('caption', {}, 'Cohorts'),
    h('thead', {}, h('tr', {}, ['Cohort', 'Microcredential', 'Window', 'Due dates', 'Late work'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, cohorts.map((c) => h('tr', {},
      h('td', {}, h('a', { href: href(c) }, c.name)), h('td', {}, c.templateTitle),
      h('td', {}, `${date(c.opensOn)} to ${date(c.closesOn)}`), h('td', {}, String(c.deadlines.length)),
      h('td', {}, c.acceptLate ? 'Accepted' : 'Not accepted'))))));
}

export async function evaluatorCohorts(): Promise<Node> {
  const cohorts = await cohortApi.list();
  return h('section', {}, h('h1', {}, 'Cohorts I evaluate'),
    h('p', {}, 'Each month’s submissions of a cohort’s teachers, together.'),
    cohorts.length ? list(cohorts, (c) => `/cohorts/${encodeURIComponent(c.id)}/month?month=${thisMonth()}`)
      : emptyState('You evaluate no cohort. Submissions from teachers working at their own pace are in Reviews.', h('a', { href: '/reviews' }, 'Reviews')));
}

export async function adminCohorts(): Promise<Node> {
  const [cohorts, templates, assessors] = await Promise.all([cohortApi.list(), templateApi.list('PUBLISHED'), peopleApi.withRole('ASSESSOR')]);
  const section = h('section', {}, h('h1', {}, 'Cohorts'),
    h('p', {}, 'A cohort runs a microcredential for a group of teachers over a window, such as a school year, with due dates, reminders and one evaluator. Teachers not in a cohort work at their own pace.'),
    cohorts.length ? list(cohorts, (c) => `/admin/cohorts/${encodeURIComponent(c.id)}`) : emptyState('No cohorts yet.'));
  if (!templates.length) {
    section.append(h('p', { class: 'status', role: 'status' }, 'Publish a microcredential first: a cohort runs a published one.'));
    return section;
  }
  section.append(openForm(templates.map((t) => [t.id, t.title]), assessors.filter((a) => a.active).map((a) => [a.id, a.displayName || a.email])));
  return section;
}

function openForm(templates: Array<[string, string]>, assessors: Array<[string, string]>): HTMLElement {
  const year = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const name = input({ name: 'name', maxlength: 120, required: true, autocomplete: 'off' });
  const template = select(templates, { name: 'templateId' });
  const opens = input({ type: 'date', value: `${year}-09-01`, required: true });
  const closes = input({ type: 'date', value: `${year + 1}-04-30`, required: true });
  const evaluator = select([['', 'Choose an evaluator'], ...assessors], { required: true });
  const late = h('input', { type: 'checkbox', id: 'cohort-late' });
  const reminders = input({ value: '7, 1', inputmode: 'numeric', autocomplete: 'off' });
  const dates = h('fieldset', { class: 'deadlines', 'data-field': 'deadlines' }, h('legend', {}, 'Due dates (optional)'));
  const showDates = async () => {
    dates.replaceChildren(h('legend', {}, 'Due dates (optional)'));
    let preview: Preview;
    try { preview = await templateApi.preview(template.value); } catch { return; }
    preview.tiers.forEach((tier) => {
      dates.append(field(`${tier.title}: whole section`, input({ type: 'date', 'data-tier': tier.key })));
      tier.requirements.forEach((r) => dates.append(field(`${tier.title}: ${r.title}`, input({ type: 'date', 'data-tier': tier.key, 'data-task': r.key }))));
    });
  };
  template.addEventListener('change', () => void showDates());
  void showDates();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Open the cohort');
  const form = h('form', { class: 'card', 'aria-label': 'Open a cohort', novalidate: true }, h('h2', {}, 'Open a cohort'),
    field('Name', name, { name: 'name', hint: 'For example “Data-Informed Instruction 2026-27”.' }),
    field('Microcredential', template, { name: 'templateId' }),
    field('Opens on', opens, { name: 'opensOn' }), field('Closes on', closes, { name: 'closesOn' }),
    field('Evaluator', evaluator, { name: 'evaluatorId', hint: 'Reviews every submission of the cohort. Never a teacher’s own work, and not their coach unless your district allows it.' }),
    h('div', { class: 'field check' }, late, h('label', { for: 'cohort-late' }, 'Accept work after its due date')),
    field('Reminders, days before each due date', reminders, { name: 'reminderDays', hint: 'Up to five numbers between 1 and 60, separated by commas.' }),
    dates, submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(submit, async () => {
      const deadlines: Deadline[] = [...dates.querySelectorAll<HTMLInputElement>('input[type=date]')].filter((i) => i.value)
        .map((i) => ({ tierKey: i.dataset.tier!, taskKey: i.dataset.task ?? null, dueOn: i.value }));
      const days = reminders.value.split(/[\s,]+/).filter(Boolean).map(Number);
      try {
        const cohort = await cohortApi.open({ name: name.value.trim(), templateId: template.value, opensOn: opens.value, closesOn: closes.value,
          deadlines, acceptLate: late.checked, reminderDays: days, evaluatorId: evaluator.value });
        toast(`Cohort “${cohort.name}” opened`);
        navigate(`/admin/cohorts/${encodeURIComponent(cohort.id)}`);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

const RESULT: Record<Outcome['result'], string> = { ENROLLED: 'Enrolled', INVITED: 'Invited and enrolled', ALREADY: 'Already a member', REFUSED: 'Not enrolled' };

export async function cohortDetail(p: { id: string }): Promise<Node> {
  const [view, assessors] = await Promise.all([cohortApi.get(p.id), peopleApi.withRole('ASSESSOR')]);
  const c = view.cohort;
  const tiers = [...new Set(c.deadlines.map((d) => d.tierKey))];
  const section = h('section', {}, h('h1', {}, c.name),
    h('p', { class: 'meta' }, `${c.templateTitle} · ${date(c.opensOn)} to ${date(c.closesOn)} · ${c.acceptLate ? 'late work accepted' : 'no late work accepted'} · reminders ${c.reminderDays.length ? `${c.reminderDays.join(' and ')} days before` : 'off'}`),
    h('p', {}, `Evaluator: ${view.evaluatorName || 'not set'}. `, h('a', { href: `/cohorts/${encodeURIComponent(c.id)}/month?month=${thisMonth()}` }, 'This month’s submissions')));
  // members, with where each stands on each tier that has a due date
  const firstDue = (key: string) => c.deadlines.filter((d) => d.tierKey === key).map((d) => d.dueOn).sort().at(-1)!;
  section.append(h('h2', {}, `Teachers (${view.members.length})`),
    view.members.length ? scrollTable('Teachers of the cohort', h('table', {},
      h('caption', {}, 'Teachers and their due dates'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Teacher'), tiers.map((t) => {
        const d = view.members[0]?.due.find((x) => x.tierKey === t);
        return h('th', { scope: 'col' }, `${d?.tierTitle ?? t} (by ${date(firstDue(t))})`);
      }))),
      h('tbody', {}, view.members.map((m) => h('tr', {},
        h('td', {}, m.displayName || m.email, m.invited ? h('span', { class: 'meta' }, ' (invited)') : null),
        tiers.map((t) => h('td', {}, STATUS[(m.due.find((d) => d.tierKey === t && !d.taskKey) ?? m.due.find((d) => d.tierKey === t))!.status])))))))
      : emptyState('No teachers yet: enroll them below.'));
  // enroll a list
  const emails = textarea({ rows: 4, name: 'emails', autocomplete: 'off' });
  const go = h('button', { type: 'submit', class: 'primary' }, 'Enroll these teachers');
  const results = h('div', { 'aria-live': 'polite' });
  const enroll = h('form', { class: 'card', 'aria-label': 'Enroll teachers', novalidate: true }, h('h2', {}, 'Enroll teachers'),
    field('District email addresses', emails, { name: 'emails', hint: 'One per line or separated by commas. Someone without an account is invited by mail and enrolled.' }), go, results);
  enroll.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(go, async () => {
      const list = emails.value.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
      try {
        const outcomes = await cohortApi.enroll(c.id, list);
        const done = outcomes.filter((o) => o.result !== 'REFUSED').length;
        toast(`${done} of ${outcomes.length} enrolled`);
        results.replaceChildren(scrollTable('What became of each address', h('table', {}, h('caption', {}, 'What became of each address'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'Result'))),
          h('tbody', {}, outcomes.map((o) => h('tr', {}, h('td', {}, o.email), h('td', {}, RESULT[o.result], o.detail ? `: ${o.detail}` : '')))))),
          h('p', {}, h('a', { href: location.pathname }, 'Show the updated list')));
      } catch (err) { showError(enroll, err); }
    });
  });
  // change the evaluator
  const who = select(assessors.filter((a) => a.active).map((a) => [a.id, a.displayName || a.email]), {}, c.evaluatorId);
  const change = h('button', { type: 'submit' }, 'Change the evaluator');
  const evalForm = h('form', { class: 'card', 'aria-label': 'Evaluator', novalidate: true }, h('h2', {}, 'Evaluator'),
    field('Evaluator', who, { name: 'evaluatorId', hint: 'Reviews the submissions still to come; waiting ones keep their reviewer (reassign them in Reviews waiting).' }), change);
  evalForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(change, async () => {
      try {
        await cohortApi.evaluator(c.id, who.value);
        toast('Evaluator changed');
        navigate(location.pathname, true);
      } catch (err) { showError(evalForm, err); }
    });
  });
  section.append(enroll, evalForm, h('p', {}, h('a', { href: '/admin/cohorts' }, '← Cohorts')));
  return section;
}
