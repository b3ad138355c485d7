// Cohorts for administrators (open one with its calendar and evaluator, enroll a list, follow each teacher) and
// the list of cohorts an evaluator reviews.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { locale, t } from '../../core/i18n';
import { busy, emptyState, field, h, input, scrollTable, select, showError, textarea, toast } from '../../ui';
import { peopleApi } from '../people/api';
import { templateApi } from '../template/api';
import type { Preview } from '../template/types';
import { cohortApi, status, thisMonth, type Cohort, type Deadline, type Outcome } from './api';

function list(cohorts: Cohort[], href: (c: Cohort) => string): HTMLElement {
  return scrollTable(t('cohort.listCaption'), h('table', {},
    h('caption', {}, t('cohort.listCaption')),
    h('thead', {}, h('tr', {}, [t('cohort.colCohort'), t('cohort.colMicrocredential'), t('cohort.colWindow'), t('cohort.colDeadlines'), t('cohort.colLate')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, cohorts.map((c) => h('tr', {},
      h('td', {}, h('a', { href: href(c) }, c.name)), h('td', {}, c.templateTitle),
      h('td', {}, t('cohort.window', { opens: date(c.opensOn), closes: date(c.closesOn) })), h('td', {}, String(c.deadlines.length)),
      h('td', {}, t(c.acceptLate ? 'cohort.accepted' : 'cohort.notAccepted')))))));
}

export async function evaluatorCohorts(): Promise<Node> {
  const cohorts = await cohortApi.list();
  return h('section', {}, h('h1', {}, t('cohort.evaluateHeading')),
    h('p', {}, t('cohort.evaluateIntro')),
    cohorts.length ? list(cohorts, (c) => `/cohorts/${encodeURIComponent(c.id)}/month?month=${thisMonth()}`)
      : emptyState(t('cohort.evaluateNone'), h('a', { href: '/reviews' }, t('cohort.reviews'))));
}

export async function adminCohorts(): Promise<Node> {
  const [cohorts, templates, assessors] = await Promise.all([cohortApi.list(), templateApi.list('PUBLISHED'), peopleApi.withRole('ASSESSOR')]);
  const section = h('section', {}, h('h1', {}, t('cohort.heading')),
    h('p', {}, t('cohort.adminIntro')),
    cohorts.length ? list(cohorts, (c) => `/admin/cohorts/${encodeURIComponent(c.id)}`) : emptyState(t('cohort.none')));
  if (!templates.length) {
    section.append(h('p', { class: 'status', role: 'status' }, t('cohort.publishFirst')));
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
  const evaluator = select([['', t('cohort.chooseEvaluator')], ...assessors], { required: true });
  const late = h('input', { type: 'checkbox', id: 'cohort-late' });
  const reminders = input({ value: '7, 1', inputmode: 'numeric', autocomplete: 'off' });
  const dates = h('fieldset', { class: 'deadlines', 'data-field': 'deadlines' }, h('legend', {}, t('cohort.deadlines')));
  const showDates = async () => {
    dates.replaceChildren(h('legend', {}, t('cohort.deadlines')));
    let preview: Preview;
    try { preview = await templateApi.preview(template.value); } catch { return; }
    preview.tiers.forEach((tier) => {
      dates.append(field(t('cohort.wholeSection', { tier: tier.title }), input({ type: 'date', 'data-tier': tier.key })));
      tier.requirements.forEach((r) => dates.append(field(t('cohort.task', { tier: tier.title, task: r.title }), input({ type: 'date', 'data-tier': tier.key, 'data-task': r.key }))));
    });
  };
  template.addEventListener('change', () => void showDates());
  void showDates();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('cohort.open'));
  const form = h('form', { class: 'card', 'aria-label': t('cohort.openHeading'), novalidate: true }, h('h2', {}, t('cohort.openHeading')),
    field(t('cohort.name'), name, { name: 'name', hint: t('cohort.nameHint') }),
    field(t('cohort.microcredential'), template, { name: 'templateId' }),
    field(t('cohort.opensOn'), opens, { name: 'opensOn' }), field(t('cohort.closesOn'), closes, { name: 'closesOn' }),
    field(t('cohort.evaluator'), evaluator, { name: 'evaluatorId', hint: t('cohort.evaluatorHint') }),
    h('div', { class: 'field check' }, late, h('label', { for: 'cohort-late' }, t('cohort.acceptLate'))),
    field(t('cohort.reminders'), reminders, { name: 'reminderDays', hint: t('cohort.remindersHint') }),
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
        toast(t('cohort.opened', { name: cohort.name }));
        navigate(`/admin/cohorts/${encodeURIComponent(cohort.id)}`);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

const result = (r: Outcome['result']) => t(`cohort.result.${r}`);

export async function cohortDetail(p: { id: string }): Promise<Node> {
  const [view, assessors] = await Promise.all([cohortApi.get(p.id), peopleApi.withRole('ASSESSOR')]);
  const c = view.cohort;
  const tiers = [...new Set(c.deadlines.map((d) => d.tierKey))];
  const section = h('section', {}, h('h1', {}, c.name),
    h('p', { class: 'meta' }, `${c.templateTitle} · ${t('cohort.window', { opens: date(c.opensOn), closes: date(c.closesOn) })} · ${t(c.acceptLate ? 'cohort.lateAccepted' : 'cohort.lateRefused')} · ${c.reminderDays.length ? t('cohort.remindersOn', { days: new Intl.ListFormat(locale(), { type: 'conjunction' }).format(c.reminderDays.map(String)) }) : t('cohort.remindersOff')}`),
    h('p', {}, t('cohort.evaluatorLine', { name: view.evaluatorName || t('cohort.notSet') }), h('a', { href: `/cohorts/${encodeURIComponent(c.id)}/month?month=${thisMonth()}` }, t('cohort.thisMonth'))));
  // members, with where each stands on each tier that has a due date
  const firstDue = (key: string) => c.deadlines.filter((d) => d.tierKey === key).map((d) => d.dueOn).sort().at(-1)!;
  section.append(h('h2', {}, t('cohort.teachers', { count: view.members.length })),
    view.members.length ? scrollTable(t('cohort.teachersTable'), h('table', {},
      h('caption', {}, t('cohort.teachersCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cohort.colTeacher')), tiers.map((key) => {
        const d = view.members[0]?.due.find((x) => x.tierKey === key);
        return h('th', { scope: 'col' }, t('cohort.colTier', { tier: d?.tierTitle ?? key, date: date(firstDue(key)) }));
      }))),
      h('tbody', {}, view.members.map((m) => h('tr', {},
        h('td', {}, m.displayName || m.email, m.invited ? h('span', { class: 'meta' }, t('cohort.invited')) : null),
        tiers.map((key) => h('td', {}, status((m.due.find((d) => d.tierKey === key && !d.taskKey) ?? m.due.find((d) => d.tierKey === key))!.status))))))))
      : emptyState(t('cohort.noTeachers')));
  // enroll a list
  const emails = textarea({ rows: 4, name: 'emails', autocomplete: 'off' });
  const go = h('button', { type: 'submit', class: 'primary' }, t('cohort.enroll'));
  const results = h('div', { 'aria-live': 'polite' });
  const enroll = h('form', { class: 'card', 'aria-label': t('cohort.enrollHeading'), novalidate: true }, h('h2', {}, t('cohort.enrollHeading')),
    field(t('cohort.emails'), emails, { name: 'emails', hint: t('cohort.emailsHint') }), go, results);
  enroll.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(go, async () => {
      const list = emails.value.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
      try {
        const outcomes = await cohortApi.enroll(c.id, list);
        const done = outcomes.filter((o) => o.result !== 'REFUSED').length;
        toast(t('cohort.enrolled', { done, count: outcomes.length }));
        results.replaceChildren(scrollTable(t('cohort.outcomes'), h('table', {}, h('caption', {}, t('cohort.outcomes')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cohort.colEmail')), h('th', { scope: 'col' }, t('cohort.colResult')))),
          h('tbody', {}, outcomes.map((o) => h('tr', {}, h('td', {}, o.email), h('td', {}, result(o.result), o.detail ? `: ${o.detail}` : '')))))),
          h('p', {}, h('a', { href: location.pathname }, t('cohort.showUpdated'))));
      } catch (err) { showError(enroll, err); }
    });
  });
  // change the evaluator
  const who = select(assessors.filter((a) => a.active).map((a) => [a.id, a.displayName || a.email]), {}, c.evaluatorId);
  const change = h('button', { type: 'submit' }, t('cohort.change'));
  const evalForm = h('form', { class: 'card', 'aria-label': t('cohort.evaluator'), novalidate: true }, h('h2', {}, t('cohort.evaluator')),
    field(t('cohort.evaluator'), who, { name: 'evaluatorId', hint: t('cohort.changeHint') }), change);
  evalForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(change, async () => {
      try {
        await cohortApi.evaluator(c.id, who.value);
        toast(t('cohort.changed'));
        navigate(location.pathname, true);
      } catch (err) { showError(evalForm, err); }
    });
  });
  section.append(enroll, evalForm, h('p', {}, h('a', { href: '/admin/cohorts' }, t('cohort.back'))));
  return section;
}
