// A teacher's multi-year learning plan: goals tied to clusters, components or standards, the microcredentials
// chosen for each and the year it aims at; saved, sent to the supervisor, approved or returned with a comment.
import { navigate } from '../../core/app';
import { date, dateTime } from '../../core/format';
import { t } from '../../core/i18n';
import { busy, emptyState, field, h, select, showError, textarea, toast } from '../../ui';
import { planApi, type Goal, type HistoryEntry, type Options, type PlanView } from './api';
import { reasonText } from './recommendations';

/** School years from `first`, `count` of them: 2026-27, 2027-28 … */
export function schoolYears(first: string, count: number): string[] {
  const y = Number(first.slice(0, 4));
  return Array.from({ length: count }, (_, i) => `${y + i}-${String((y + i + 1) % 100).padStart(2, '0')}`);
}

export const stateText = (s: string) => t(`plan.state.${s as 'DRAFT'}`);

export async function myPlan(): Promise<Node> {
  const [view, options, surveys, recs] = await Promise.all([planApi.myPlan(), planApi.options(), planApi.mySurveys(), planApi.recommendations()]);
  const plan = view.plan;
  const section = h('section', { class: 'plan' }, h('h1', {}, t('titles.myPlan')));
  const waiting = surveys.filter((s) => s.survey.status === 'OPEN' && !s.changedAt);
  if (waiting.length) section.append(h('p', { class: 'status', role: 'status' }, t('plan.mine.surveyOpen', { title: waiting[0].survey.title }), ' ', h('a', { href: '/my/survey' }, t('plan.mine.answerSurvey'))));
  section.append(h('p', { class: `status ${plan.state === 'RETURNED' ? 'status-warn' : plan.state === 'APPROVED' ? 'status-ok' : ''}`, role: 'status' }, statusLine(view)));
  if (plan.state === 'RETURNED' && plan.comment) section.append(h('blockquote', { class: 'comment' }, plan.comment));
  if (plan.state === 'SUBMITTED') {
    section.append(goalList(view));
  } else {
    section.append(editor(view, options));
  }
  section.append(h('h2', {}, t('plan.mine.recommended')),
    recs.length ? h('ul', { class: 'recommendations' }, recs.slice(0, 5).map((r) => h('li', {}, h('a', { href: `/catalog/${encodeURIComponent(r.templateId)}` }, r.title), h('span', { class: 'meta' }, ` — ${reasonText(r.reasons[0])}`))))
      : h('p', { class: 'meta' }, t('plan.mine.noRecommendations')),
    h('p', {}, h('a', { href: '/my/recommendations' }, t('plan.mine.allRecommendations'))),
    history(view.history));
  return section;
}

function statusLine(view: PlanView): string {
  const p = view.plan;
  const who = view.supervisorName ?? t('plan.mine.nobody');
  switch (p.state) {
    case 'SUBMITTED': return t('plan.mine.submitted', { who, when: date(p.submittedAt) });
    case 'APPROVED': return t('plan.mine.approved', { when: date(p.decidedAt) });
    case 'RETURNED': return t('plan.mine.returned', { when: date(p.decidedAt) });
    default: return view.supervisorName ? t('plan.mine.draft', { who }) : t('plan.mine.draftNobody');
  }
}

/** The goals as read-only text (while the supervisor has the plan, and on the supervisor's page). */
export function goalList(view: PlanView): HTMLElement {
  if (!view.goals.length) return emptyState(t('plan.mine.noGoals'));
  return h('ol', { class: 'goals' }, view.goals.map((g) => h('li', { class: 'card' },
    h('p', {}, h('strong', {}, g.goal.statement)),
    h('p', { class: 'meta' }, t('plan.goal.by', { year: g.goal.targetYear })),
    h('ul', { class: 'tags', 'aria-label': t('plan.goal.targets') }, g.targets.map((x) => h('li', {}, x.label))),
    g.microcredentials.length ? h('p', {}, t('plan.goal.through'), ' ', g.microcredentials.map((m, i) => [i ? ', ' : '', m.templateId ? h('a', { href: `/catalog/${encodeURIComponent(m.templateId)}` }, m.title) : m.title])) : null)));
}

function targetSelect(options: Options, value = ''): HTMLSelectElement {
  const s = h('select', { class: 'target' }, h('option', { value: '' }, t('plan.goal.chooseTarget')),
    (['CLUSTERS', 'COMPONENTS', 'STANDARDS'] as const).map((k) => h('optgroup', { label: t(`plan.kind.${k}`) },
      options.targets[k].map((o) => h('option', { value: o.code, selected: o.code === value }, o.label)))));
  return s;
}

function goalEditor(options: Options, years: string[], goal: Goal | null, index: number, remove: () => void): HTMLElement {
  const statement = textarea({ rows: 2, maxlength: 300, class: 'statement' });
  statement.value = goal?.statement ?? '';
  const targets = [0, 1, 2].map((i) => targetSelect(options, goal?.targets[i] ?? ''));
  const mcs = [0, 1].map((i) => select([['', t('plan.goal.noMicrocredential')], ...options.microcredentials.map((m): [string, string] => [m.familyId, m.title])], { class: 'family' }, goal?.families[i] ?? ''));
  const year = select(years.map((y): [string, string] => [y, y]), { class: 'year' }, goal?.targetYear ?? years[0]);
  const n = index + 1;
  return h('fieldset', { class: 'goal card', 'data-field': `goals[${index}]` }, h('legend', {}, t('plan.goal.legend', { n })),
    field(t('plan.goal.statement'), statement, { name: `goals[${index}].statement`, hint: t('plan.goal.statementHint') }),
    targets.map((s, i) => field(t('plan.goal.target', { n: i + 1 }), s, { name: `goals[${index}].targets[${i}]` })),
    mcs.map((s, i) => field(t('plan.goal.microcredential', { n: i + 1 }), s, { name: `goals[${index}].families[${i}]` })),
    field(t('plan.goal.year'), year, { name: `goals[${index}].targetYear` }),
    h('button', { type: 'button', class: 'link', onclick: remove }, t('plan.goal.remove', { n })));
}

function editor(view: PlanView, options: Options): HTMLElement {
  const plan = view.plan;
  const firstChoices = schoolYears(`${Number(options.schoolYear.slice(0, 4)) - 1}`, 3);
  const first = select(firstChoices.map((y): [string, string] => [y, y]), {}, firstChoices.includes(plan.firstYear) ? plan.firstYear : options.schoolYear);
  const years = select(['1', '2', '3', '4', '5'].map((n): [string, string] => [n, t('plan.mine.yearsN', { count: Number(n) })]), {}, String(plan.years || 3));
  let goals: Array<Goal | null> = plan.goals.length ? [...plan.goals] : [null];
  const box = h('div', { class: 'goal-list' });
  const draw = () => {
    const span = schoolYears(first.value, Number(years.value));
    box.replaceChildren(...goals.map((g, i) => goalEditor(options, span, g, i, () => { goals = read(); goals.splice(i, 1); draw(); })));
  };
  const read = (): Goal[] => [...box.querySelectorAll<HTMLFieldSetElement>('fieldset.goal')].map((fs) => ({
    statement: fs.querySelector<HTMLTextAreaElement>('.statement')!.value.trim(),
    targets: [...fs.querySelectorAll<HTMLSelectElement>('select.target')].map((s) => s.value).filter(Boolean),
    families: [...fs.querySelectorAll<HTMLSelectElement>('select.family')].map((s) => s.value).filter(Boolean),
    targetYear: fs.querySelector<HTMLSelectElement>('select.year')!.value,
  }));
  first.addEventListener('change', () => { goals = read(); draw(); });
  years.addEventListener('change', () => { goals = read(); draw(); });
  draw();
  const add = h('button', { type: 'button' }, t('plan.mine.addGoal'));
  add.addEventListener('click', () => { goals = [...read(), null]; draw(); box.querySelector<HTMLTextAreaElement>('fieldset.goal:last-of-type textarea')?.focus(); });
  const save = h('button', { type: 'submit', class: 'primary' }, t('plan.mine.save'));
  const submit = h('button', { type: 'button' }, t('plan.mine.submit'));
  const form = h('form', { class: 'plan-form', 'aria-label': t('plan.mine.formLabel'), novalidate: true },
    h('div', { class: 'date-range' }, field(t('plan.mine.firstYear'), first, { name: 'firstYear' }), field(t('plan.mine.years'), years, { name: 'years' })),
    box, h('p', {}, add),
    h('div', { class: 'actions' }, save, submit));
  const doSave = async () => planApi.savePlan({ firstYear: first.value, years: Number(years.value), goals: read() });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(save, async () => {
      try { await doSave(); toast(t('plan.mine.saved')); navigate(location.pathname, true); } catch (err) { showError(form, err); }
    });
  });
  submit.addEventListener('click', () => void busy(submit, async () => {
    try {
      await doSave();
      const sent = await planApi.submitPlan();
      toast(t('plan.mine.sent', { who: sent.supervisorName ?? '' }));
      navigate(location.pathname, true);
    } catch (err) { showError(form, err); }
  }));
  return form;
}

export function history(entries: HistoryEntry[]): HTMLElement {
  return h('details', { class: 'history' }, h('summary', {}, t('plan.history.title', { count: entries.length })),
    entries.length ? h('ol', {}, entries.map((e) => h('li', {},
      t(`plan.history.${e.event}`, { who: e.byName ?? '', when: dateTime(e.at), revision: e.revision, goals: e.goals.length }),
      e.comment ? h('blockquote', { class: 'comment' }, e.comment) : null)))
      : h('p', { class: 'meta' }, t('plan.history.none')));
}
