// Proposals to approve, with the fiscal-year budget in view.
import { navigate } from '../../core/app';
import { date, money } from '../../core/format';
import type { Person } from '../people/types';
import type { Enrollment } from './types';
import { busy, field, h, pagedList, showError, textarea, toast } from '../../ui';
import { templateApi } from '../template/api';
import { peopleApi } from '../people/api';
import { enrollmentApi, type Decision } from './api';
import { t } from '../../core/i18n';
import { paySummary } from '../pay/describe';


interface Waiting { e: Enrollment; who: string; total: number; pays: string }

/** A page of proposals, with who proposed each and what it would commit. */
async function waitingPage(page: number, size: number): Promise<Waiting[]> {
  const waiting = await enrollmentApi.waiting(page, size);
  const [people, totals] = await Promise.all([
    peopleApi.byIds(waiting.map((e) => e.personId)).catch(() => [] as Person[]),
    Promise.all(waiting.map((e) => templateApi.preview(e.templateId).then((tpl) => ({ total: tpl.totalStipendCents, pays: paySummary(tpl.tiers.map((x) => x.pay)) })).catch(() => ({ total: 0, pays: '' }))))]);
  const names = new Map(people.map((p) => [p.id, p.displayName || p.email]));
  return waiting.map((e, i) => ({ e, who: names.get(e.personId) ?? t('enrollment.approvals.aTeacher'), total: totals[i].total, pays: totals[i].pays }));
}

export async function approvals(): Promise<Node> {
  const budget = await enrollmentApi.budget();
  const cards = h('div', { class: 'proposals' });
  const card = ({ e, who, total, pays }: Waiting) => {
    const comment = textarea({ rows: 2, maxlength: 4000 });
    const el = h('article', { class: 'card proposal', 'aria-label': `${who}: ${e.templateTitle}` }, h('h2', {}, `${who}: ${e.templateTitle}`),
      h('p', { class: 'meta' }, t('enrollment.approvals.proposedMeta', { date: date(e.proposedAt), amount: money(total) }), total > budget.remainingCents ? t('enrollment.approvals.moreThanRemains') : ''),
      pays ? h('p', { class: 'meta pays' }, t('pay.describe.pays', { pays })) : null,
      e.proposal ? h('dl', { class: 'summary' }, h('dt', {}, t('enrollment.approvals.topic')), h('dd', {}, e.proposal.topic), h('dt', {}, t('enrollment.approvals.sources')),
        h('dd', {}, h('ul', {}, e.proposal.sources.map((s) => h('li', {}, s)))), h('dt', {}, t('enrollment.approvals.plan')), h('dd', {}, e.proposal.plan)) : null,
      field(t('enrollment.approvals.commentTo', { who: who }), comment, { name: 'comment' }));
    const act = (decision: Decision, label: string, cls = '') => {
      const b = h('button', { type: 'button', class: cls }, label);
      b.addEventListener('click', () => void busy(b, async () => {
        try {
          await enrollmentApi.decide(e.id, decision, comment.value.trim() || null);
          toast(`${label}: ${e.templateTitle}`);
          navigate(location.pathname + location.search, true);
        } catch (err) { showError(el, err); }
      }));
      return b;
    };
    el.append(h('div', { class: 'actions' }, act('DECLINE', t('enrollment.approvals.decline'), 'danger'), act('RETURN', t('enrollment.approvals.return')), act('APPROVE', t('enrollment.approvals.approve'), 'primary')));
    return el;
  };
  const pager = await pagedList<Waiting>({ load: waitingPage, append: (rows) => cards.append(...rows.map(card)), noun: 'proposals' });
  const used = budget.budgetCents ? Math.min(100, Math.round(((budget.budgetCents - budget.remainingCents) / budget.budgetCents) * 100)) : 0;
  return h('section', {}, h('h1', {}, t('enrollment.approvals.title')),
    h('p', {}, h('a', { href: '/admin/approvals/history' }, t('enrollment.approvals.history')), ' · ', h('a', { href: '/admin/reviews' }, t('enrollment.approvals.reviewsWaiting'))),
    h('div', { class: 'budget', role: 'group', 'aria-label': t('enrollment.approvals.budget') },
      h('p', {}, t('enrollment.approvals.fiscalYear', { fiscalYear: budget.fiscalYear, remainingCents: money(budget.remainingCents), budgetCents: money(budget.budgetCents), committedCents: money(budget.committedCents), paidCents: money(budget.paidCents) })),
      h('meter', { min: 0, max: 100, value: used, 'aria-label': t('enrollment.approvals.budgetShare') }, `${used}%`),
      h('p', {}, h('a', { href: '/admin/pay' }, t('pay.page.link')))),
    pager.items.length === 0 ? h('p', { role: 'status' }, t('enrollment.approvals.none')) : null,
    cards, pager.footer);
}
