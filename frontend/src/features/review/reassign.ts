// Review reassignment (admins): every waiting submission of the district, oldest first, with who reviews it; an admin
// hands one to another assessor (the service refuses someone reviewing their own work or, if the district says so,
// their own teacher, and says why).
import { date } from '../../core/format';
import { api } from '../../core/http';
import type { Person } from '../people/types';
import { busy, emptyState, field, h, select, showError, toast } from '../../ui';

interface QueueItem { submissionId: string; personId: string; templateTitle: string; tierTitle: string; attempt: number; assessorId?: string; submittedAt: string; ageHours: number }

export async function reassignReviews(): Promise<Node> {
  const [queue, people] = await Promise.all([api.get<QueueItem[]>('/api/v1/reviews/queue'), api.get<Person[]>('/api/v1/people')]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const who = (id?: string) => (id ? byId.get(id)?.displayName || byId.get(id)?.email || 'someone no longer listed' : 'nobody yet');
  const assessors = people.filter((p) => p.active && p.roles.includes('ASSESSOR'));
  const rows = queue.map((q) => {
    const choice = select([['', 'Choose an assessor'], ...assessors.filter((a) => a.id !== q.personId).map((a): [string, string] => [a.id, a.displayName || a.email])], {}, q.assessorId ?? '');
    const go = h('button', { type: 'button' }, `Reassign ${q.tierTitle} of ${who(q.personId)}`);
    const current = h('span', {}, who(q.assessorId));
    const li = h('li', { class: 'card' }, h('h2', {}, `${q.templateTitle}: ${q.tierTitle}`),
      h('p', { class: 'meta' }, `${who(q.personId)} · attempt ${q.attempt} · submitted ${date(q.submittedAt)} (${q.ageHours < 48 ? `${q.ageHours} hours` : `${Math.floor(q.ageHours / 24)} days`} ago)`),
      h('p', {}, 'Reviewer: ', current), field('New reviewer', choice, { name: 'assessorId' }), go);
    go.addEventListener('click', () => void busy(go, async () => {
      try {
        if (!choice.value) throw new Error('Choose the assessor who should review it.');
        await api.put(`/api/v1/submissions/${q.submissionId}/assessor`, { assessorId: choice.value });
        current.textContent = who(choice.value);
        toast(`Now reviewed by ${who(choice.value)}`);
      } catch (err) { showError(li, err); }
    }));
    return li;
  });
  return h('section', {}, h('h1', {}, 'Reviews waiting'),
    rows.length ? h('ul', { class: 'people' }, rows) : emptyState('No submission is waiting for review.'));
}
