// Supervisors: the learning plans sent to them, and one plan to approve or return with a comment (never their own).
import { has, navigate, session } from '../../core/app';
import { date } from '../../core/format';
import { t } from '../../core/i18n';
import { busy, emptyState, field, growingList, h, pagedList, scrollTable, showError, textarea, toast } from '../../ui';
import { planApi, type PlanSummary } from './api';
import { goalList, history, stateText } from './plan';

const planHead = () => h('thead', {}, h('tr', {}, [t('plan.list.teacher'), t('plan.list.school'), t('plan.list.years'), t('plan.list.goals'), t('plan.list.state'), t('plan.list.sent')].map((c) => h('th', { scope: 'col' }, c))));

const planRow = (p: PlanSummary) => h('tr', {},
  h('td', {}, h('a', { href: `/plans/${encodeURIComponent(p.id)}` }, p.teacherName)), h('td', {}, p.school),
  h('td', {}, t('plan.list.span', { first: p.firstYear, count: p.years })), h('td', {}, String(p.goals)),
  h('td', {}, stateText(p.state)), h('td', {}, date(p.submittedAt)));

/**
 * A table of plans read a page at a time ("Show more"; `param` keeps how many pages are shown in the URL), or what
 * `empty` gives when there is none.
 */
export async function pagedPlans(caption: (count: number) => string, load: (page: number, size: number) => Promise<PlanSummary[]>,
  param: string, empty: () => Node | null): Promise<Node | null> {
  const body = growingList<PlanSummary, 'tbody'>('tbody', {}, planRow);
  const pager = await pagedList<PlanSummary>({ load, append: body.append, noun: 'plans', param });
  if (!pager.items.length) return empty();
  const label = caption(pager.items.length);
  return h('div', {}, scrollTable(label, h('table', { class: 'plans' }, h('caption', {}, label), planHead(), body.element)), pager.footer);
}

export async function plansToApprove(): Promise<Node> {
  const [waiting, decided] = await Promise.all([
    pagedPlans((count) => t('plan.list.waiting', { count }), (page, size) => planApi.plans({ state: 'SUBMITTED', page, size }), 'waiting',
      () => emptyState(t('plan.list.noneWaiting'))),
    pagedPlans(() => t('plan.list.decided'), (page, size) => planApi.plans({ decided: true, page, size }), 'decided', () => null)]);
  return h('section', {}, h('h1', {}, t('titles.plansToApprove')),
    h('p', {}, t(has('DISTRICT_ADMIN') ? 'plan.list.introAdmin' : 'plan.list.intro')),
    waiting, decided);
}

export async function planPage(p: { id: string }): Promise<Node> {
  const view = await planApi.plan(p.id);
  const plan = view.plan;
  const own = plan.personId === session.me?.id;
  const section = h('section', { class: 'plan' }, h('h1', {}, t('plan.page.heading', { name: view.teacherName })),
    h('p', { class: 'meta' }, `${view.school} · ${t('plan.list.span', { first: plan.firstYear, count: plan.years })} · ${stateText(plan.state)}`),
    plan.comment ? h('blockquote', { class: 'comment' }, plan.comment) : null,
    goalList(view));
  if (view.canDecide) {
    const comment = textarea({ rows: 3, maxlength: 2000, name: 'comment' });
    const approve = h('button', { type: 'submit', class: 'primary' }, t('plan.page.approve'));
    const back = h('button', { type: 'button' }, t('plan.page.return'));
    const form = h('form', { class: 'card', 'aria-label': t('plan.page.decide'), novalidate: true }, h('h2', {}, t('plan.page.decide')),
      field(t('plan.page.comment'), comment, { name: 'comment', hint: t('plan.page.commentHint') }), h('div', { class: 'actions' }, approve, back));
    const decide = (d: 'APPROVE' | 'RETURN', button: HTMLButtonElement) => void busy(button, async () => {
      try {
        await planApi.decide(plan.id, d, plan.revision, comment.value.trim());
        toast(t(d === 'APPROVE' ? 'plan.page.approved' : 'plan.page.returned', { name: view.teacherName }));
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
    form.addEventListener('submit', (ev) => { ev.preventDefault(); decide('APPROVE', approve); });
    back.addEventListener('click', () => decide('RETURN', back));
    section.append(form);
  } else if (own) {
    section.append(h('p', {}, h('a', { href: '/my/plan' }, t('plan.page.yours'))));
  }
  section.append(history(view.history), h('p', {}, h('a', { href: '/plans' }, t('plan.page.back'))));
  return section;
}
