// A teacher renewing one of their badges (issue 17): when the renewal opens, what it asks, and the button that starts
// it; once started, a link to the renewal enrolment (evidence and review as for any tier).
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { busy, h, showError, toast } from '../../ui';
import { transcriptApi } from './api';
import { t } from '../../core/i18n';

export async function renewal(p: { id: string }): Promise<Node> {
  const r = await transcriptApi.renewal(p.id);
  const section = h('section', { class: 'renewal' }, h('h1', {}, t('transcript.renewal.title', { badge: r.badge })),
    h('p', { class: 'meta' }, t('transcript.renewal.issued', { issuedOn: date(r.issuedOn) }), r.expires ? (r.expired ? t('transcript.renewal.expired', { expires: date(r.expires) }) : t('transcript.renewal.expires', { expires: date(r.expires) })) : ''));
  const tierTitle = r.tierTitle ?? t('transcript.renewal.defaultTier');
  const path = r.path === 'TIER' ? (r.estimatedHours ? t('transcript.renewal.tierPathHours', { title: tierTitle, hours: r.estimatedHours }) : t('transcript.renewal.tierPath', { title: tierTitle }))
    : r.path === 'FULL' ? t('transcript.renewal.full') : null;
  if (r.renewedBy) {
    section.append(h('p', { class: 'status status-ok', role: 'status' }, t('transcript.renewal.renewed'),
      h('a', { href: `/badge/${encodeURIComponent(r.renewedBy)}` }, t('transcript.renewal.seeNew'))));
  } else if (r.revoked) {
    section.append(h('p', { class: 'status status-warn', role: 'status' }, t('transcript.renewal.revoked')));
  } else if (!r.expires) {
    section.append(h('p', { class: 'status', role: 'status' }, t('transcript.renewal.neverExpires')));
  } else if (r.enrollmentId) {
    section.append(h('p', { role: 'status' }, path ? t('transcript.renewal.underWayPath', { path }) : t('transcript.renewal.underWay')),
      h('p', {}, h('a', { href: `/my/enrollments/${encodeURIComponent(r.enrollmentId)}`, class: 'button primary' }, t('transcript.renewal.continue'))));
  } else if (!path) {
    section.append(h('p', { class: 'status', role: 'status' }, t('transcript.renewal.noPath')));
  } else {
    section.append(h('p', {}, t('transcript.renewal.howTo', { path: path })));
    if (r.open) {
      const start = h('button', { type: 'button', class: 'primary' }, t('transcript.renewal.start'));
      start.addEventListener('click', () => void busy(start, async () => {
        try {
          const started = await transcriptApi.startRenewal(p.id);
          toast(t('transcript.renewal.started'));
          navigate(`/my/enrollments/${encodeURIComponent(started.enrollmentId)}`);
        } catch (err) { showError(section, err); }
      }));
      section.append(start);
    } else if (r.opensOn) {
      section.append(h('p', { class: 'status', role: 'status' }, t('transcript.renewal.opensOn', { opensOn: date(r.opensOn) })));
    }
  }
  section.append(h('p', {}, h('a', { href: '/my/badges' }, t('transcript.renewal.back'))));
  return section;
}
