// Review reassignment (admins): every waiting submission of the district, oldest first, with who reviews it; an admin
// hands one to another assessor (the service refuses someone reviewing their own work or, if the district says so,
// their own teacher, and says why).
import { age, date } from '../../core/format';
import { api } from '../../core/http';
import type { Person } from '../people/types';
import { busy, emptyState, field, h, pagedList, select, showError, toast } from '../../ui';
import { peopleApi } from '../people/api';
import { reviewApi } from './api';
import { t, tn } from '../../core/i18n';

interface QueueItem { submissionId: string; personId: string; templateTitle: string; tierTitle: string; attempt: number; assessorId?: string; submittedAt: string; ageHours: number }

interface Row { q: QueueItem; names: Map<string, Person> }

/** A page of waiting submissions, oldest first, with the teachers and reviewers it names. */
async function queuePage(page: number, size: number): Promise<Row[]> {
  const queue = await reviewApi.districtQueue<QueueItem>(page, size);
  const people = await peopleApi.byIds(queue.flatMap((q) => [q.personId, q.assessorId])).catch(() => [] as Person[]);
  const names = new Map(people.map((p) => [p.id, p]));
  return queue.map((q) => ({ q, names }));
}

export async function reassignReviews(): Promise<Node> {
  const assessors = (await peopleApi.withRole('ASSESSOR')).filter((p) => p.active);
  const known = new Map(assessors.map((p) => [p.id, p]));
  const list = h('ul', { class: 'people' });
  const row = ({ q, names }: Row) => {
    const who = (id?: string) => { const p = id ? names.get(id) ?? known.get(id) : undefined; return id ? p?.displayName || p?.email || t('review.reassign.noLongerListed') : t('review.reassign.nobody'); };
    const choice = select([['', t('review.reassign.choose')], ...assessors.filter((a) => a.id !== q.personId).map((a): [string, string] => [a.id, a.displayName || a.email])], {}, q.assessorId ?? '');
    const go = h('button', { type: 'button' }, t('review.reassign.reassign', { tierTitle: q.tierTitle, personId: who(q.personId) }));
    const current = h('span', {}, who(q.assessorId));
    const li = h('li', { class: 'card' }, h('h2', {}, `${q.templateTitle}: ${q.tierTitle}`),
      h('p', { class: 'meta' }, t('review.reassign.meta', { who: who(q.personId), attempt: q.attempt, date: date(q.submittedAt), age: age(q.ageHours) })),
      h('p', {}, ...tn('review.reassign.reviewer', { name: current })), field(t('review.reassign.newReviewer'), choice, { name: 'assessorId' }), go);
    go.addEventListener('click', () => void busy(go, async () => {
      try {
        if (!choice.value) throw new Error(t('review.reassign.chooseWho'));
        await api.put(`/api/v1/submissions/${q.submissionId}/assessor`, { assessorId: choice.value });
        current.textContent = who(choice.value);
        toast(t('review.reassign.nowBy', { value: who(choice.value) }));
      } catch (err) { showError(li, err); }
    }));
    return li;
  };
  const pager = await pagedList<Row>({ load: queuePage, append: (rows) => list.append(...rows.map(row)), noun: 'submissions' });
  return h('section', {}, h('h1', {}, t('review.reassign.title')),
    pager.items.length ? list : emptyState(t('review.reassign.none')), pager.footer);
}
