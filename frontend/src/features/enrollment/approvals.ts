// Proposals to approve, with the fiscal-year budget in view.
import { navigate } from '../../core/app';
import { date, money } from '../../core/format';
import type { Person } from '../people/types';
import { busy, field, h, showError, textarea, toast } from '../../ui';
import { templateApi } from '../template/api';
import { peopleApi } from '../people/api';
import { enrollmentApi, type Decision } from './api';


export async function approvals(): Promise<Node> {
  const [waiting, budget] = await Promise.all([
    enrollmentApi.waiting(), enrollmentApi.budget()]);
  const names = new Map((await peopleApi.list().catch(() => [] as Person[])).map((p) => [p.id, p.displayName || p.email]));
  const totals = await Promise.all(waiting.map((e) => templateApi.preview(e.templateId).then((t) => t.totalStipendCents).catch(() => 0)));
  const used = budget.budgetCents ? Math.min(100, Math.round(((budget.budgetCents - budget.remainingCents) / budget.budgetCents) * 100)) : 0;
  return h('section', {}, h('h1', {}, 'Proposals to approve'),
    h('p', {}, h('a', { href: '/admin/approvals/history' }, 'Approval history'), ' · ', h('a', { href: '/admin/reviews' }, 'Reviews waiting and who reviews them')),
    h('div', { class: 'budget', role: 'group', 'aria-label': 'Budget' },
      h('p', {}, `Fiscal year ${budget.fiscalYear}: ${money(budget.remainingCents)} of ${money(budget.budgetCents)} remaining (${money(budget.committedCents)} committed, ${money(budget.paidCents)} paid).`),
      h('meter', { min: 0, max: 100, value: used, 'aria-label': 'Share of the budget committed or paid' }, `${used}%`)),
    waiting.length === 0 ? h('p', { role: 'status' }, 'No proposals are waiting.') : null,
    waiting.map((e, i) => {
      const comment = textarea({ rows: 2, maxlength: 4000 });
      const who = names.get(e.personId) ?? 'A teacher';
      const card = h('article', { class: 'card proposal', 'aria-label': `${who}: ${e.templateTitle}` }, h('h2', {}, `${who}: ${e.templateTitle}`),
        h('p', { class: 'meta' }, `Proposed ${date(e.proposedAt)} · would commit ${money(totals[i])}${totals[i] > budget.remainingCents ? ' — more than remains' : ''}`),
        e.proposal ? h('dl', { class: 'summary' }, h('dt', {}, 'Topic'), h('dd', {}, e.proposal.topic), h('dt', {}, 'Sources'),
          h('dd', {}, h('ul', {}, e.proposal.sources.map((s) => h('li', {}, s)))), h('dt', {}, 'Plan'), h('dd', {}, e.proposal.plan)) : null,
        field(`Comment to ${who} (needed to return or decline)`, comment, { name: 'comment' }));
      const act = (decision: Decision, label: string, cls = '') => {
        const b = h('button', { type: 'button', class: cls }, label);
        b.addEventListener('click', () => void busy(b, async () => {
          try {
            await enrollmentApi.decide(e.id, decision, comment.value.trim() || null);
            toast(`${label}: ${e.templateTitle}`);
            navigate(location.pathname, true);
          } catch (err) { showError(card, err); }
        }));
        return b;
      };
      card.append(h('div', { class: 'actions' }, act('DECLINE', 'Decline', 'danger'), act('RETURN', 'Return for changes'), act('APPROVE', 'Approve', 'primary')));
      return card;
    }));
}
