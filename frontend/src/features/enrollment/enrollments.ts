// A teacher's work: each enrollment's state, the proposal form, and the tiers with their status.
import { navigate } from '../../core/app';
import { date, money } from '../../core/format';
import { type Enrollment, tiersOf } from './types';
import { busy, field, growingList, h, input, pagedList, showError, textarea, toast } from '../../ui';
import { reviewApi } from '../review/api';
import { templateApi } from '../template/api';
import { enrollmentApi } from './api';
import { t } from '../../core/i18n';

const STATE_LABEL = (): Record<string, string> => ({
  PROPOSING: t('enrollment.enrollments.proposing'), PROPOSED: t('enrollment.enrollments.proposed'), APPROVING: t('enrollment.enrollments.approving'),
  RETURNED: t('enrollment.enrollments.returned'), DECLINED: t('enrollment.enrollments.declined'), ACTIVE: t('enrollment.enrollments.active'), COMPLETED: t('enrollment.enrollments.completed'),
});

export async function myEnrollments(): Promise<Node> {
  const cards = growingList<Enrollment, 'ul'>('ul', { class: 'cards' }, (e) => h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `/my/enrollments/${e.id}` }, e.renewal ? t('enrollment.enrollments.renewal', { templateTitle: e.templateTitle }) : e.templateTitle)),
    h('p', { class: `badge-state state-${e.state.toLowerCase()}` }, STATE_LABEL()[e.state] ?? e.state),
    h('p', { class: 'meta' }, t('enrollment.enrollments.started', { startedAt: date(e.startedAt) }))));
  const pager = await pagedList({ load: enrollmentApi.mine, append: cards.append, noun: 'enrollments' });
  return h('section', {}, h('h1', {}, t('enrollment.enrollments.title')),
    pager.items.length ? [cards.element, pager.footer]
      : h('p', {}, 'Nothing started yet. ', h('a', { href: '/catalog' }, 'Browse the catalog'), '.'));
}

export async function enrollment(p: { id: string }): Promise<Node> {
  const e = await enrollmentApi.get(p.id);
  const [tpl, subs] = await Promise.all([templateApi.preview(e.templateId),
    e.state === 'ACTIVE' || e.state === 'COMPLETED' ? reviewApi.submissionsOf(e.id) : Promise.resolve([])]);
  const tiers = tiersOf(e, tpl);
  const section = h('section', {}, h('h1', {}, e.renewal ? t('enrollment.enrollments.renewal', { templateTitle: e.templateTitle }) : e.templateTitle),
    h('p', { class: `badge-state state-${e.state.toLowerCase()}`, role: 'status' }, STATE_LABEL()[e.state] ?? e.state),
    e.renewal ? h('p', {}, t('enrollment.enrollments.renewingIntro'),
      h('a', { href: `/badge/${encodeURIComponent(e.renewal.assertionId)}` }, t('enrollment.enrollments.renewingBadge'))) : null);
  if (e.decisionComment && (e.state === 'RETURNED' || e.state === 'DECLINED')) {
    section.append(h('div', { class: 'feedback' }, h('h2', {}, t('enrollment.enrollments.districtComment')), h('p', {}, e.decisionComment)));
  }
  if (e.state === 'PROPOSING' || e.state === 'RETURNED') section.append(proposalForm(e));
  if (e.state === 'PROPOSED' || e.state === 'APPROVING') {
    section.append(h('p', {}, t('enrollment.enrollments.withDistrict')),
      e.proposal ? proposalSummary(e.proposal) : '');
  }
  if (e.state === 'ACTIVE' || e.state === 'COMPLETED') {
    const byTier = new Map(subs.map((s) => [s.tierKey, s]));
    section.append(h('h2', {}, e.renewal ? t('enrollment.enrollments.whatToDo') : t('enrollment.enrollments.tiers')), h('ol', { class: 'tiers' }, tiers.map((tier) => {
      const s = byTier.get(tier.key);
      const locked = tier.requires.length > 0 && tiers.filter((x) => tier.requires.includes(x.title))
        .some((x) => byTier.get(x.key)?.state !== 'PASSED');
      const label = s ? { SUBMITTED: t('enrollment.enrollments.submitted'), RETURNED: t('enrollment.enrollments.returnedFeedback'), PASSED: t('enrollment.enrollments.passed') }[s.state]
        : locked ? t('enrollment.enrollments.locked') : t('enrollment.enrollments.notSubmitted');
      return h('li', { class: 'tier-row' },
        h('a', { href: `/my/enrollments/${e.id}/tiers/${tier.key}` }, tier.title),
        h('span', { class: `pill ${s ? 'pill-' + s.state.toLowerCase() : ''}` }, label),
        e.renewal ? null : h('span', { class: 'meta' }, money(tier.stipendCents)));
    })));
  }
  return section;
}

function proposalSummary(p: { topic: string; sources: string[]; plan: string }): HTMLElement {
  return h('dl', { class: 'summary' }, h('dt', {}, t('enrollment.enrollments.topic')), h('dd', {}, p.topic), h('dt', {}, t('enrollment.enrollments.sources')),
    h('dd', {}, h('ul', {}, p.sources.map((s) => h('li', {}, s)))), h('dt', {}, t('enrollment.enrollments.plan')), h('dd', {}, p.plan));
}

function proposalForm(e: Enrollment): HTMLElement {
  const topic = input({ value: e.proposal?.topic ?? '', maxlength: 200 });
  const sourcesBox = h('div', { class: 'sources' });
  const addSource = (v = '') => {
    const n = sourcesBox.children.length;
    sourcesBox.append(field(t('enrollment.enrollments.source', { n: n + 1 }), input({ value: v, maxlength: 500, class: 'source' }), { name: `sources[${n}]` }));
  };
  const initial = e.proposal?.sources.length ? e.proposal.sources : ['', ''];
  initial.forEach((s) => addSource(s));
  const plan = textarea({ rows: 6, maxlength: 5000 });
  plan.value = e.proposal?.plan ?? '';
  const submit = h('button', { type: 'submit', class: 'primary' }, e.state === 'RETURNED' ? t('enrollment.enrollments.resubmit') : t('enrollment.enrollments.submit'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'proposal-h' }, h('h2', { id: 'proposal-h' }, t('enrollment.enrollments.yourProposal')),
    field(t('enrollment.enrollments.topic'), topic, { name: 'topic' }),
    h('fieldset', { 'data-field': 'sources' }, h('legend', {}, t('enrollment.enrollments.sourcesLegend')), sourcesBox,
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      h('button', { type: 'button', onclick: () => addSource() }, t('enrollment.enrollments.addSource'))),
    field(t('enrollment.enrollments.plan2'), plan, { name: 'plan', hint: t('enrollment.enrollments.planHint') }), submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const sources = [...sourcesBox.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value.trim()).filter(Boolean);
    void busy(submit, async () => {
      try {
        await enrollmentApi.propose(e.id, { topic: topic.value.trim(), sources, plan: plan.value.trim() });
        toast(t('enrollment.enrollments.submitted2'));
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}
