// Badges issued in the district: revoke with a public reason, reinstate.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { bulkAward } from '../award/bulk-award';
import { busy, field, h, input, showError, status, toast } from '../../ui';
import { issuingApi } from './api';
import { templateApi } from '../template/api';

export async function issued(): Promise<Node> {
  const [list, published] = await Promise.all([issuingApi.issued(),
    templateApi.list('PUBLISHED')]);
  return h('section', {}, h('h1', {}, 'Badges issued'), bulkAward(published),
    h('h2', {}, 'Recent badges'),
    h('ul', { class: 'people' }, list.map((a) => {
      const reason = input({ maxlength: 500 });
      const li = h('li', { class: `card${a.revoked ? ' revoked' : ''}` },
        h('h3', {}, a.recipientName ?? a.recipientEmail), h('p', { class: 'meta' }, `${a.recipientEmail} · issued ${date(a.issuedOn)}${a.tierKey ? ' · ' + a.tierKey : ''}`),
        h('p', {}, h('a', { href: `/badge/${a.id}` }, 'Public page')));
      if (a.revoked) {
        const b = h('button', { type: 'button' }, 'Reinstate');
        b.addEventListener('click', () => void busy(b, async () => { try { await issuingApi.reinstate(a.id); navigate(location.pathname, true); } catch (err) { showError(li, err); } }));
        li.append(status(`Revoked: ${a.revocationReason ?? ''}`, 'warn'), b);
      } else {
        const b = h('button', { type: 'button', class: 'danger' }, 'Revoke');
        b.addEventListener('click', () => void busy(b, async () => {
          try { await issuingApi.revoke(a.id, reason.value); toast('Revoked'); navigate(location.pathname, true); } catch (err) { showError(li, err); }
        }));
        li.append(h('details', {}, h('summary', {}, `Revoke this badge`), field('Reason (shown publicly)', reason, { name: 'reason' }), b));
      }
      return li;
    })));
}
