// A teacher's work: each enrollment's state, the proposal form, and the tiers with their status.
import { navigate } from '../../core/app';
import { date, money } from '../../core/format';
import type { Enrollment } from './types';
import { busy, field, growingList, h, input, pagedList, showError, textarea, toast } from '../../ui';
import { reviewApi } from '../review/api';
import { templateApi } from '../template/api';
import { enrollmentApi } from './api';

const STATE_LABEL: Record<string, string> = {
  PROPOSING: 'Writing proposal', PROPOSED: 'Proposal waiting for approval', APPROVING: 'Being approved',
  RETURNED: 'Proposal returned for changes', DECLINED: 'Declined', ACTIVE: 'In progress', COMPLETED: 'Completed',
};

export async function myEnrollments(): Promise<Node> {
  const cards = growingList<Enrollment, 'ul'>('ul', { class: 'cards' }, (e) => h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `/my/enrollments/${e.id}` }, e.templateTitle)),
    h('p', { class: `badge-state state-${e.state.toLowerCase()}` }, STATE_LABEL[e.state] ?? e.state),
    h('p', { class: 'meta' }, `Started ${date(e.startedAt)}`)));
  const pager = await pagedList({ load: enrollmentApi.mine, append: cards.append, noun: 'enrollments' });
  return h('section', {}, h('h1', {}, 'My work'),
    pager.items.length ? [cards.element, pager.footer]
      : h('p', {}, 'Nothing started yet. ', h('a', { href: '/catalog' }, 'Browse the catalog'), '.'));
}

export async function enrollment(p: { id: string }): Promise<Node> {
  const e = await enrollmentApi.get(p.id);
  const [t, subs] = await Promise.all([templateApi.preview(e.templateId),
    e.state === 'ACTIVE' || e.state === 'COMPLETED' ? reviewApi.submissionsOf(e.id) : Promise.resolve([])]);
  const section = h('section', {}, h('h1', {}, e.templateTitle),
    h('p', { class: `badge-state state-${e.state.toLowerCase()}`, role: 'status' }, STATE_LABEL[e.state] ?? e.state));
  if (e.decisionComment && (e.state === 'RETURNED' || e.state === 'DECLINED')) {
    section.append(h('div', { class: 'feedback' }, h('h2', {}, 'Comment from the district'), h('p', {}, e.decisionComment)));
  }
  if (e.state === 'PROPOSING' || e.state === 'RETURNED') section.append(proposalForm(e));
  if (e.state === 'PROPOSED' || e.state === 'APPROVING') {
    section.append(h('p', {}, 'Your proposal is with the district. You can start once it is approved.'),
      e.proposal ? proposalSummary(e.proposal) : '');
  }
  if (e.state === 'ACTIVE' || e.state === 'COMPLETED') {
    const byTier = new Map(subs.map((s) => [s.tierKey, s]));
    section.append(h('h2', {}, 'Tiers'), h('ol', { class: 'tiers' }, t.tiers.map((tier) => {
      const s = byTier.get(tier.key);
      const locked = tier.requires.length > 0 && t.tiers.filter((x) => tier.requires.includes(x.title))
        .some((x) => byTier.get(x.key)?.state !== 'PASSED');
      const label = s ? { SUBMITTED: 'Submitted, waiting for review', RETURNED: 'Returned: see feedback', PASSED: 'Passed' }[s.state]
        : locked ? 'Locked until the earlier tiers pass' : 'Not submitted yet';
      return h('li', { class: 'tier-row' },
        h('a', { href: `/my/enrollments/${e.id}/tiers/${tier.key}` }, tier.title),
        h('span', { class: `pill ${s ? 'pill-' + s.state.toLowerCase() : ''}` }, label),
        h('span', { class: 'meta' }, money(tier.stipendCents)));
    })));
  }
  return section;
}

function proposalSummary(p: { topic: string; sources: string[]; plan: string }): HTMLElement {
  return h('dl', { class: 'summary' }, h('dt', {}, 'Topic'), h('dd', {}, p.topic), h('dt', {}, 'Sources'),
    h('dd', {}, h('ul', {}, p.sources.map((s) => h('li', {}, s)))), h('dt', {}, 'Plan'), h('dd', {}, p.plan));
}

function proposalForm(e: Enrollment): HTMLElement {
  const topic = input({ value: e.proposal?.topic ?? '', maxlength: 200 });
  const sourcesBox = h('div', { class: 'sources' });
  const addSource = (v = '') => {
    const n = sourcesBox.children.length;
    sourcesBox.append(field(`Source ${n + 1}`, input({ value: v, maxlength: 500, class: 'source' }), { name: `sources[${n}]` }));
  };
  const initial = e.proposal?.sources.length ? e.proposal.sources : ['', ''];
  initial.forEach((s) => addSource(s));
  const plan = textarea({ rows: 6, maxlength: 5000 });
  plan.value = e.proposal?.plan ?? '';
  const submit = h('button', { type: 'submit', class: 'primary' }, e.state === 'RETURNED' ? 'Resubmit proposal' : 'Submit proposal');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'proposal-h' }, h('h2', { id: 'proposal-h' }, 'Your proposal'),
    field('Topic', topic, { name: 'topic' }),
    h('fieldset', { 'data-field': 'sources' }, h('legend', {}, 'Sources of new learning (at least two)'), sourcesBox,
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      h('button', { type: 'button', onclick: () => addSource() }, 'Add a source')),
    field('Implementation plan', plan, { name: 'plan', hint: 'How you will use it in your classroom (at least 20 characters).' }), submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const sources = [...sourcesBox.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value.trim()).filter(Boolean);
    void busy(submit, async () => {
      try {
        await enrollmentApi.propose(e.id, { topic: topic.value.trim(), sources, plan: plan.value.trim() });
        toast('Proposal submitted');
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}
