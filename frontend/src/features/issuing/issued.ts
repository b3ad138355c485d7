// Badges issued in the district: revoke with a public reason, reinstate.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { api } from '../../core/http';
import { bulkAward } from '../award/bulk-award';
import type { AssertionView } from './types';
import type { Summary } from '../template/types';
import { busy, field, h, input, showError, status, toast } from '../../ui';

export async function issued(): Promise<Node> {
  const [list, published] = await Promise.all([api.get<AssertionView[]>('/api/v1/assertions?size=100'),
    api.get<Summary[]>('/api/v1/templates?status=PUBLISHED')]);
  return h('section', {}, h('h1', {}, 'Badges issued'), bulkAward(published),
    h('h2', {}, 'Recent badges'),
    h('ul', { class: 'people' }, list.map((a) => {
      const reason = input({ maxlength: 500 });
      const li = h('li', { class: `card${a.revoked ? ' revoked' : ''}` },
        h('h3', {}, a.recipientName ?? a.recipientEmail), h('p', { class: 'meta' }, `${a.recipientEmail} · issued ${date(a.issuedOn)}${a.tierKey ? ' · ' + a.tierKey : ''}`),
        h('p', {}, h('a', { href: `/badge/${a.id}` }, 'Public page')));
      if (a.revoked) {
        const b = h('button', { type: 'button' }, 'Reinstate');
        b.addEventListener('click', () => void busy(b, async () => { try { await api.post(`/api/v1/assertions/${a.id}/reinstate`); navigate(location.pathname, true); } catch (err) { showError(li, err); } }));
        li.append(status(`Revoked: ${a.revocationReason ?? ''}`, 'warn'), b);
      } else {
        const b = h('button', { type: 'button', class: 'danger' }, 'Revoke');
        b.addEventListener('click', () => void busy(b, async () => {
          try { await api.post(`/api/v1/assertions/${a.id}/revoke`, { reason: reason.value }); toast('Revoked'); navigate(location.pathname, true); } catch (err) { showError(li, err); }
        }));
        li.append(h('details', {}, h('summary', {}, `Revoke this badge`), field('Reason (shown publicly)', reason, { name: 'reason' }), b));
      }
      return li;
    })));
}
