// A teacher renewing one of their badges (issue 17): when the renewal opens, what it asks, and the button that starts
// it; once started, a link to the renewal enrolment (evidence and review as for any tier).
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { busy, h, showError, toast } from '../../ui';
import { transcriptApi } from './api';

export async function renewal(p: { id: string }): Promise<Node> {
  const r = await transcriptApi.renewal(p.id);
  const section = h('section', { class: 'renewal' }, h('h1', {}, `Renew “${r.badge}”`),
    h('p', { class: 'meta' }, `Issued ${date(r.issuedOn)}`, r.expires ? (r.expired ? ` · expired ${date(r.expires)}` : ` · expires ${date(r.expires)}`) : ''));
  const path = r.path === 'TIER' ? `a short renewal tier, “${r.tierTitle ?? 'Renewal'}”${r.estimatedHours ? ` (about ${r.estimatedHours} hours)` : ''}`
    : r.path === 'FULL' ? 'the whole microcredential again' : null;
  if (r.renewedBy) {
    section.append(h('p', { class: 'status status-ok', role: 'status' }, 'Renewed. Your new badge is the current one. ',
      h('a', { href: `/badge/${encodeURIComponent(r.renewedBy)}` }, 'See the new badge')));
  } else if (r.revoked) {
    section.append(h('p', { class: 'status status-warn', role: 'status' }, 'This badge was revoked: it cannot be renewed.'));
  } else if (!r.expires) {
    section.append(h('p', { class: 'status', role: 'status' }, 'This badge never expires: it needs no renewal.'));
  } else if (r.enrollmentId) {
    section.append(h('p', { role: 'status' }, `Your renewal is under way${path ? `: ${path}` : ''}.`),
      h('p', {}, h('a', { href: `/my/enrollments/${encodeURIComponent(r.enrollmentId)}`, class: 'button primary' }, 'Continue the renewal')));
  } else if (!path) {
    section.append(h('p', { class: 'status', role: 'status' }, 'This microcredential has no renewal path you can follow yourself. Your district renews it: ask your administrator.'));
  } else {
    section.append(h('p', {}, `To renew it you complete ${path}. An assessor reviews it like any tier; when it passes, the badge is issued again, valid from that day. A renewal adds no hours and pays no stipend.`));
    if (r.open) {
      const start = h('button', { type: 'button', class: 'primary' }, 'Start the renewal');
      start.addEventListener('click', () => void busy(start, async () => {
        try {
          const started = await transcriptApi.startRenewal(p.id);
          toast('Renewal started');
          navigate(`/my/enrollments/${encodeURIComponent(started.enrollmentId)}`);
        } catch (err) { showError(section, err); }
      }));
      section.append(start);
    } else if (r.opensOn) {
      section.append(h('p', { class: 'status', role: 'status' }, `You can start the renewal from ${date(r.opensOn)}, shortly before the badge expires.`));
    }
  }
  section.append(h('p', {}, h('a', { href: '/my/badges' }, '← My badges')));
  return section;
}
