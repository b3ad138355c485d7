// Cohorts for administrators (open one with its calendar and evaluator, enroll a list, follow each teacher) and
// the list of cohorts an evaluator reviews.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { busy, emptyState, field, h, input, scrollTable, select, showError, textarea, toast } from '../../ui';
import { peopleApi } from '../people/api';
import { templateApi } from '../template/api';
import type { Preview } from '../template/types';
import { cohortApi, STATUS, thisMonth, type Cohort, type Deadline, type Outcome } from './api';
import { t } from '../../core/i18n';

function list(cohorts: Cohort[], href: (c: Cohort) => string): HTMLElement {
  return scrollTable(t('cohort.cohorts.cohorts'), h('table', {},
    h('caption', {}, t('cohort.cohorts.cohorts')),
    h('thead', {}, h('tr', {}, [t('cohort.cohorts.cohort'), t('cohort.cohorts.microcredential'), t('cohort.cohorts.window'), t('cohort.cohorts.dueDates'), t('cohort.cohorts.lateWork')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, cohorts.map((c) => h('tr', {},
      h('td', {}, h('a', { href: href(c) }, c.name)), h('td', {}, c.templateTitle),
      h('td', {}, `${date(c.opensOn)} to ${date(c.closesOn)}`), h('td', {}, String(c.deadlines.length)),
      h('td', {}, c.acceptLate ? t('cohort.cohorts.accepted') : t('cohort.cohorts.notAccepted')))))));
}

export async function evaluatorCohorts(): Promise<Node> {
  const cohorts = await cohortApi.list();
  return h('section', {}, h('h1', {}, t('cohort.cohorts.iEvaluate')),
    h('p', {}, t('cohort.cohorts.iEvaluateIntro')),
    cohorts.length ? list(cohorts, (c) => `/cohorts/${encodeURIComponent(c.id)}/month?month=${thisMonth()}`)
      : emptyState(t('cohort.cohorts.noneToEvaluate'), h('a', { href: '/reviews' }, t('cohort.cohorts.reviews'))));
}

export async function adminCohorts(): Promise<Node> {
  const [cohorts, templates, assessors] = await Promise.all([cohortApi.list(), templateApi.list('PUBLISHED'), peopleApi.withRole('ASSESSOR')]);
  const section = h('section', {}, h('h1', {}, t('cohort.cohorts.cohorts')),
    h('p', {}, t('cohort.cohorts.intro')),
    cohorts.length ? list(cohorts, (c) => `/admin/cohorts/${encodeURIComponent(c.id)}`) : emptyState(t('cohort.cohorts.none')));
  if (!templates.length) {
    section.append(h('p', { class: 'status', role: 'status' }, t('cohort.cohorts.publishFirst')));
    return section;
  }
  section.append(openForm(templates.map((tpl) => [tpl.id, tpl.title]), assessors.filter((a) => a.active).map((a) => [a.id, a.displayName || a.email])));
  return section;
}

function openForm(templates: Array<[string, string]>, assessors: Array<[string, string]>): HTMLElement {
  const year = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const name = input({ name: 'name', maxlength: 120, required: true, autocomplete: 'off' });
  const template = select(templates, { name: 'templateId' });
  const opens = input({ type: 'date', value: `${year}-09-01`, required: true });
  const closes = input({ type: 'date', value: `${year + 1}-04-30`, required: true });
  const evaluator = select([['', t('cohort.cohorts.chooseEvaluator')], ...assessors], { required: true });
  const late = h('input', { type: 'checkbox', id: 'cohort-late' });
  const reminders = input({ value: '7, 1', inputmode: 'numeric', autocomplete: 'off' });
  const dates = h('fieldset', { class: 'deadlines', 'data-field': 'deadlines' }, h('legend', {}, t('cohort.cohorts.dueDatesOptional')));
  const showDates = async () => {
    dates.replaceChildren(h('legend', {}, t('cohort.cohorts.dueDatesOptional')));
    let preview: Preview;
    try { preview = await templateApi.preview(template.value); } catch { return; }
    preview.tiers.forEach((tier) => {
      dates.append(field(t('cohort.cohorts.wholeSection', { title: tier.title }), input({ type: 'date', 'data-tier': tier.key })));
      tier.requirements.forEach((r) => dates.append(field(`${tier.title}: ${r.title}`, input({ type: 'date', 'data-tier': tier.key, 'data-task': r.key }))));
    });
  };
  template.addEventListener('change', () => void showDates());
  void showDates();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('cohort.cohorts.openCohort'));
  const form = h('form', { class: 'card', 'aria-label': t('cohort.cohorts.openACohort'), novalidate: true }, h('h2', {}, t('cohort.cohorts.openACohort')),
    field(t('cohort.cohorts.name'), name, { name: 'name', hint: t('cohort.cohorts.nameHint') }),
    field(t('cohort.cohorts.microcredential'), template, { name: 'templateId' }),
    field(t('cohort.cohorts.opens'), opens, { name: 'opensOn' }), field(t('cohort.cohorts.closes'), closes, { name: 'closesOn' }),
    field(t('cohort.cohorts.evaluator'), evaluator, { name: 'evaluatorId', hint: t('cohort.cohorts.evaluatorHint') }),
    h('div', { class: 'field check' }, late, h('label', { for: 'cohort-late' }, t('cohort.cohorts.acceptLate'))),
    field(t('cohort.cohorts.reminders'), reminders, { name: 'reminderDays', hint: t('cohort.cohorts.remindersHint') }),
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
        toast(t('cohort.cohorts.opened', { name: cohort.name }));
        navigate(`/admin/cohorts/${encodeURIComponent(cohort.id)}`);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

const RESULT: Record<Outcome['result'], string> = { ENROLLED: t('cohort.cohorts.enrolled'), INVITED: t('cohort.cohorts.invitedEnrolled'), ALREADY: t('cohort.cohorts.alreadyMember'), REFUSED: t('cohort.cohorts.notEnrolled') };

export async function cohortDetail(p: { id: string }): Promise<Node> {
  const [view, assessors] = await Promise.all([cohortApi.get(p.id), peopleApi.withRole('ASSESSOR')]);
  const c = view.cohort;
  const tiers = [...new Set(c.deadlines.map((d) => d.tierKey))];
  const section = h('section', {}, h('h1', {}, c.name),
    h('p', { class: 'meta' }, `${c.templateTitle} · ${date(c.opensOn)} to ${date(c.closesOn)} · ${c.acceptLate ? 'late work accepted' : 'no late work accepted'} · reminders ${c.reminderDays.length ? `${c.reminderDays.join(' and ')} days before` : 'off'}`),
    h('p', {}, `Evaluator: ${view.evaluatorName || 'not set'}. `, h('a', { href: `/cohorts/${encodeURIComponent(c.id)}/month?month=${thisMonth()}` }, t('cohort.cohorts.monthLink'))));
  // members, with where each stands on each tier that has a due date
  const firstDue = (key: string) => c.deadlines.filter((d) => d.tierKey === key).map((d) => d.dueOn).sort().at(-1)!;
  section.append(h('h2', {}, t('cohort.cohorts.teachers', { membersCount: view.members.length })),
    view.members.length ? scrollTable(t('cohort.cohorts.teachersLabel'), h('table', {},
      h('caption', {}, t('cohort.cohorts.teachersDueCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cohort.cohorts.teacher')), tiers.map((tpl) => {
        const d = view.members[0]?.due.find((x) => x.tierKey === tpl);
        return h('th', { scope: 'col' }, `${d?.tierTitle ?? tpl} (by ${date(firstDue(tpl))})`);
      }))),
      h('tbody', {}, view.members.map((m) => h('tr', {},
        h('td', {}, m.displayName || m.email, m.invited ? h('span', { class: 'meta' }, t('cohort.cohorts.invited')) : null),
        tiers.map((tpl) => h('td', {}, STATUS[(m.due.find((d) => d.tierKey === tpl && !d.taskKey) ?? m.due.find((d) => d.tierKey === tpl))!.status])))))))
      : emptyState(t('cohort.cohorts.noTeachers')));
  // enroll a list
  const emails = textarea({ rows: 4, name: 'emails', autocomplete: 'off' });
  const go = h('button', { type: 'submit', class: 'primary' }, t('cohort.cohorts.enrollThese'));
  const results = h('div', { 'aria-live': 'polite' });
  const enroll = h('form', { class: 'card', 'aria-label': t('cohort.cohorts.enrollTeachers'), novalidate: true }, h('h2', {}, t('cohort.cohorts.enrollTeachers')),
    field(t('cohort.cohorts.addresses'), emails, { name: 'emails', hint: t('cohort.cohorts.addressesHint') }), go, results);
  enroll.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(go, async () => {
      const list = emails.value.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
      try {
        const outcomes = await cohortApi.enroll(c.id, list);
        const done = outcomes.filter((o) => o.result !== 'REFUSED').length;
        toast(t('cohort.cohorts.enrolledOf', { done: done, outcomesCount: outcomes.length }));
        results.replaceChildren(scrollTable(t('cohort.cohorts.whatBecame'), h('table', {}, h('caption', {}, t('cohort.cohorts.whatBecame')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cohort.cohorts.email')), h('th', { scope: 'col' }, t('cohort.cohorts.result')))),
          h('tbody', {}, outcomes.map((o) => h('tr', {}, h('td', {}, o.email), h('td', {}, RESULT[o.result], o.detail ? `: ${o.detail}` : '')))))),
          h('p', {}, h('a', { href: location.pathname }, t('cohort.cohorts.showUpdated'))));
      } catch (err) { showError(enroll, err); }
    });
  });
  // change the evaluator
  const who = select(assessors.filter((a) => a.active).map((a) => [a.id, a.displayName || a.email]), {}, c.evaluatorId);
  const change = h('button', { type: 'submit' }, t('cohort.cohorts.changeEvaluator'));
  const evalForm = h('form', { class: 'card', 'aria-label': t('cohort.cohorts.evaluator'), novalidate: true }, h('h2', {}, t('cohort.cohorts.evaluator')),
    field(t('cohort.cohorts.evaluator'), who, { name: 'evaluatorId', hint: t('cohort.cohorts.changeEvaluatorHint') }), change);
  evalForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(change, async () => {
      try {
        await cohortApi.evaluator(c.id, who.value);
        toast(t('cohort.cohorts.evaluatorChanged'));
        navigate(location.pathname, true);
      } catch (err) { showError(evalForm, err); }
    });
  });
  section.append(enroll, evalForm, h('p', {}, h('a', { href: '/admin/cohorts' }, t('cohort.cohorts.back'))));
  return section;
}
